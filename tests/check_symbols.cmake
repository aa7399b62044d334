# SPDX-License-Identifier: MIT
# Fails when the shared library exports a GLOBAL function outside namespace hubsearch
# (WEAK instantiations of std templates are not ours and are skipped, as notmuch's T360 does).
execute_process(COMMAND readelf --dyn-syms --wide ${LIBRARY} OUTPUT_VARIABLE table
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "readelf failed on ${LIBRARY}")
endif()
string(REPLACE "\n" ";" lines "${table}")
set(count 0)
foreach(line IN LISTS lines)
    if(line MATCHES "FUNC +GLOBAL +DEFAULT +[0-9]+ +([^ ]+)")
        set(symbol ${CMAKE_MATCH_1})
        # Mangled names in namespace hubsearch start with _ZN9hubsearch (or _ZNK9hubsearch,
        # _ZTVN9hubsearch...); free functions with _ZN9hubsearch as well.
        if(NOT symbol MATCHES "^_Z(N|NK|TV|TI|TS|ZN)?K?9hubsearch")
            message(SEND_ERROR "exported symbol outside hubsearch::: ${symbol}")
        endif()
        math(EXPR count "${count} + 1")
    endif()
endforeach()
if(count EQUAL 0)
    message(FATAL_ERROR "no exported functions found in ${LIBRARY}")
endif()
message(STATUS "${count} exported functions, all in hubsearch::")
