# SPDX-License-Identifier: MIT
# Warning and sanitizer flags, applied to our own targets only.
function(hubsearch_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
        -Wold-style-cast -Wnon-virtual-dtor)
    if(HUBSEARCH_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(HUBSEARCH_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined
            -fno-sanitize-recover=all -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    if(HUBSEARCH_SANITIZE_THREAD)
        target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=thread)
    endif()
endfunction()
