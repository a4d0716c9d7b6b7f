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
  # SQLite from its amalgamation, fetched by tools/fetch-third-party.sh: one
  # connection per database in a browser tab or a node test, so no threads.
  set(_sqlite "${CMAKE_SOURCE_DIR}/third_party/sqlite")
  if(NOT EXISTS "${_sqlite}/sqlite3.c")
    message(FATAL_ERROR "missing ${_sqlite}/sqlite3.c: run tools/setup.sh")
  endif()
  enable_language(C)
  add_library(sqlite3_amalgamation STATIC "${_sqlite}/sqlite3.c")
  target_include_directories(sqlite3_amalgamation SYSTEM PUBLIC "${_sqlite}")
  # Without what no Atrium replica uses (one connection, no WAL, no SQL
  # JSON or date functions): the browser downloads every byte of it. Only
  # options that leave the SQL grammar alone, as the amalgamation needs.
  target_compile_definitions(sqlite3_amalgamation PRIVATE
    SQLITE_THREADSAFE=0 SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_DQS=0
    SQLITE_OMIT_LOAD_EXTENSION SQLITE_OMIT_DEPRECATED SQLITE_OMIT_SHARED_CACHE
    SQLITE_OMIT_JSON SQLITE_OMIT_WAL SQLITE_OMIT_DATETIME_FUNCS
    SQLITE_OMIT_PROGRESS_CALLBACK SQLITE_OMIT_AUTHORIZATION SQLITE_OMIT_TRACE
    SQLITE_OMIT_UTF16 SQLITE_OMIT_COMPLETE SQLITE_OMIT_DECLTYPE
    SQLITE_OMIT_GET_TABLE SQLITE_OMIT_TCL_VARIABLE
    SQLITE_OMIT_INTROSPECTION_PRAGMAS SQLITE_OMIT_SHUTDOWN_DIRECTORIES
    SQLITE_OMIT_AUTOMATIC_INDEX SQLITE_OMIT_BETWEEN_OPTIMIZATION
    SQLITE_OMIT_LIKE_OPTIMIZATION SQLITE_OMIT_OR_OPTIMIZATION
    SQLITE_OMIT_XFER_OPT SQLITE_OMIT_INCRBLOB
    SQLITE_OMIT_QUICKBALANCE SQLITE_OMIT_AUTORESET SQLITE_OMIT_LOOKASIDE
    SQLITE_MAX_EXPR_DEPTH=0 SQLITE_LIKE_DOESNT_MATCH_BLOBS)
  target_compile_options(sqlite3_amalgamation PRIVATE -w)  # not our code
  # For size, as a browser downloads it; at -O3 the amalgamation also took
  # ~3 minutes of CI to compile (-Os: ~25 s).
  target_compile_options(sqlite3_amalgamation PRIVATE -Oz)
  add_library(SQLite::SQLite3 ALIAS sqlite3_amalgamation)

  # Tests and tools read shared/ from the real file system under node.
  set(ATRIUM_WASM_RUN_FLAGS -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
                            -sEXIT_RUNTIME=1)
  # Test programs link at -O1: binaryen's -O3 passes take ~10 s a program
  # and tests gain nothing from them (the objects are still -O3).
  # Benchmarks and the shipped module keep their optimised links.
  set(ATRIUM_WASM_TEST_LINK_FLAGS -O1)
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
