# Precompiled headers: nlohmann/json and GoogleTest are parsed once per
# build rather than once per file (about 9 of a test file's 20-30 s under
# the sanitizers). clang cannot read g++'s, so tools/check-tidy.sh drops
# them from the compile commands it reads.

set(_pch_std <map> <memory> <optional> <string> <string_view> <vector>)

# Libraries that speak JSON.
add_library(atrium_json_pch OBJECT "${CMAKE_CURRENT_LIST_DIR}/pch/empty.cc")
target_link_libraries(atrium_json_pch PRIVATE nlohmann_json::nlohmann_json)
target_precompile_headers(atrium_json_pch PRIVATE <nlohmann/json.hpp> ${_pch_std})

# Test programs.
add_library(atrium_test_pch OBJECT "${CMAKE_CURRENT_LIST_DIR}/pch/empty.cc")
target_link_libraries(atrium_test_pch PRIVATE nlohmann_json::nlohmann_json
                      GTest::gtest)
target_precompile_headers(atrium_test_pch PRIVATE <gtest/gtest.h>
                          <nlohmann/json.hpp> ${_pch_std})
if(EMSCRIPTEN)
  target_compile_options(atrium_test_pch PRIVATE -fexceptions)
endif()

function(atrium_json_pch target)
  target_precompile_headers(${target} REUSE_FROM atrium_json_pch)
endfunction()

function(atrium_test_pch target)
  target_precompile_headers(${target} REUSE_FROM atrium_test_pch)
endfunction()
