# SPDX-License-Identifier: MIT
# Turns a data file into a C++ source defining `const char NAME[]` with its content, so that
# the vocabularies ship inside the library and need no install path at run time.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed_data.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.\n"
    "namespace hubsearch::detail {\nextern const char ${NAME}[];\n"
    "const char ${NAME}[] = {${body}'\\0'};\n}\n")
