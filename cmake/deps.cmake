# Third-party libraries, from Debian packages. Under Emscripten the same
# targets are made from sources: see ../shared notes in the README.

if(EMSCRIPTEN)
  # emcc must never see -I/usr/include, so nlohmann gets a build-local
  # include folder that holds only a link to it.
  set(_nl "${CMAKE_BINARY_DIR}/third_party/include")
  file(MAKE_DIRECTORY "${_nl}")
  file(CREATE_LINK /usr/include/nlohmann "${_nl}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_nl}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
  # CLI11 (header-only) the same way: atriumctl runs under node too.
  file(CREATE_LINK /usr/include/CLI "${_nl}/CLI" SYMBOLIC)
  add_library(CLI11 INTERFACE)
  target_include_directories(CLI11 SYSTEM INTERFACE "${_nl}")
  add_library(CLI11::CLI11 ALIAS CLI11)

  set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/googletest"
                   EXCLUDE_FROM_ALL)
  include(${CMAKE_CURRENT_LIST_DIR}/sqlite_wasm.cmake)

  # Tests and tools read shared/ from the real file system under node.
  set(ATRIUM_WASM_RUN_FLAGS -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
                            -sEXIT_RUNTIME=1)
  # Test programs link at -O1: binaryen's -O3 passes take ~10 s a program
  # and tests gain nothing from them (the objects are still -O3).
  # Benchmarks and the shipped module keep their optimised links.
  set(ATRIUM_WASM_TEST_LINK_FLAGS -O1)
  # The phone downloads every library: the domain's at -O3 for speed (the
  # wasm preset), the rest for size: every library that speaks JSON (the
  # codec, the operations' handlers, the store: cmake/pch.cmake) and the
  # module's bindings. -Os with inlining: emcc's -Os alone also turns
  # inlining off, which cost the core 9-12x.
  set(ATRIUM_WASM_SIZE_FLAGS -Os -finline-functions)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(SQLite3 REQUIRED)
  # Every program's command line, with its --help (Debian's libcli11-dev).
  find_package(CLI11 2.1 CONFIG REQUIRED)
  find_package(GTest REQUIRED)
  if(ATRIUM_BENCHMARKS)
    find_package(benchmark REQUIRED)
  endif()
endif()
