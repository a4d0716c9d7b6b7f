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

# In wasm the libraries that speak JSON are built for size
# (ATRIUM_WASM_SIZE_FLAGS, cmake/deps.cmake), and a precompiled header only
# serves files compiled at its own level.
if(EMSCRIPTEN)
  target_compile_options(atrium_json_pch PRIVATE ${ATRIUM_WASM_SIZE_FLAGS})
endif()
function(atrium_json_pch target)
  target_precompile_headers(${target} REUSE_FROM atrium_json_pch)
  if(EMSCRIPTEN)
    target_compile_options(${target} PRIVATE ${ATRIUM_WASM_SIZE_FLAGS})
  endif()
endfunction()

function(atrium_test_pch target)
  target_precompile_headers(${target} REUSE_FROM atrium_test_pch)
endfunction()
