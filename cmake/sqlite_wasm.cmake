# SQLite for the wasm build, in two cuts generated from SQLite's canonical
# sources (Debian's 3.40.1, the version of the native library, fetched by
# tools/fetch-third-party.sh). Most SQLITE_OMIT_ options change the SQL
# grammar and work only when the amalgamation is generated with them (lemon
# and mkkeywordhash read them), so each sqlite3.c is made here, at
# configure time.
#
# - sqlite3_replica: what the phone downloads (web/, atrium_web). Cut to the
#   SQL of store::ReplicaStore (tables, inserts, selects, transactions,
#   user_version), at -Oz: size where the browser downloads it. The module's
#   tests and the browser tests run it.
# - sqlite3_full: everything else built for wasm (the tests of the whole
#   store, tools, benchmarks): keeps views, CHECK, foreign keys (and the
#   triggers they need), upsert, subqueries, multi-row VALUES (a compound
#   select), the integrity check, and ALTER TABLE for schema migrations
#   (its grammar needs virtual tables, its code the temp schema).
#
# A target links SQLite::SQLite3 and gets sqlite3_full, unless it sets the
# property ATRIUM_SQLITE_REPLICA.

set(_sqlite_src "${CMAKE_SOURCE_DIR}/third_party/sqlite-src")
if(NOT EXISTS "${_sqlite_src}/configure")
  message(FATAL_ERROR "missing ${_sqlite_src}: run tools/setup.sh")
endif()
enable_language(C)

set(_sqlite_common
  # one connection per database in a browser tab or a node test
  SQLITE_THREADSAFE=0 SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_DQS=0
  SQLITE_MAX_EXPR_DEPTH=0 SQLITE_LIKE_DOESNT_MATCH_BLOBS
  # SQL no Atrium store writes
  SQLITE_OMIT_WINDOWFUNC SQLITE_OMIT_CTE SQLITE_OMIT_GENERATED_COLUMNS
  SQLITE_OMIT_BLOB_LITERAL SQLITE_OMIT_HEX_INTEGER SQLITE_OMIT_TCL_VARIABLE
  SQLITE_OMIT_EXPLAIN SQLITE_OMIT_ANALYZE SQLITE_OMIT_REINDEX
  SQLITE_OMIT_AUTOVACUUM SQLITE_OMIT_SCHEMA_PRAGMAS
  SQLITE_OMIT_INTROSPECTION_PRAGMAS SQLITE_OMIT_JSON
  SQLITE_OMIT_DATETIME_FUNCS SQLITE_OMIT_LOCALTIME
  # APIs no Atrium store calls
  SQLITE_OMIT_LOAD_EXTENSION SQLITE_OMIT_DEPRECATED SQLITE_OMIT_SHARED_CACHE
  SQLITE_OMIT_PROGRESS_CALLBACK SQLITE_OMIT_AUTHORIZATION
  SQLITE_OMIT_TRACE SQLITE_OMIT_UTF16 SQLITE_OMIT_COMPLETE
  SQLITE_OMIT_DECLTYPE SQLITE_OMIT_GET_TABLE SQLITE_OMIT_DESERIALIZE
  SQLITE_OMIT_INCRBLOB SQLITE_OMIT_AUTORESET SQLITE_OMIT_POPEN
  SQLITE_OMIT_SHUTDOWN_DIRECTORIES
  # optimisations for large tables
  SQLITE_OMIT_AUTOMATIC_INDEX SQLITE_OMIT_BETWEEN_OPTIMIZATION
  SQLITE_OMIT_LIKE_OPTIMIZATION SQLITE_OMIT_OR_OPTIMIZATION
  SQLITE_OMIT_XFER_OPT SQLITE_OMIT_QUICKBALANCE SQLITE_OMIT_LOOKASIDE
  SQLITE_OMIT_TRUNCATE_OPTIMIZATION)

# What the replica's SQL does not use besides. (Omitting subqueries as well
# leaves a symbol undefined in 3.40.1; attach and vacuum likewise.)
set(_sqlite_replica_only
  SQLITE_OMIT_VIRTUALTABLE SQLITE_OMIT_ALTERTABLE SQLITE_OMIT_TRIGGER
  SQLITE_OMIT_FOREIGN_KEY SQLITE_OMIT_VIEW SQLITE_OMIT_CHECK
  SQLITE_OMIT_UPSERT SQLITE_OMIT_COMPOUND_SELECT SQLITE_OMIT_TEMPDB
  SQLITE_OMIT_INTEGRITY_CHECK SQLITE_OMIT_AUTOINCREMENT
  SQLITE_OMIT_FLAG_PRAGMAS SQLITE_OMIT_WAL)

# atrium_sqlite(TARGET OPTIMIZE OPTION...): a static library from an
# amalgamation generated with the options, in build/sqlite/TARGET; made
# again only when the sources' version or the options change (the stamp
# holds them).
file(STRINGS "${_sqlite_src}/VERSION" _sqlite_version LIMIT_COUNT 1)
function(atrium_sqlite target optimize)
  set(out "${CMAKE_BINARY_DIR}/sqlite/${target}")
  set(flags "")
  foreach(option IN LISTS ARGN)
    string(APPEND flags " -D${option}")
  endforeach()
  set(stamp "${_sqlite_version}${flags}")
  set(stamped "")
  if(EXISTS "${out}/options.txt")
    file(READ "${out}/options.txt" stamped)
  endif()
  if(NOT EXISTS "${out}/sqlite3.c" OR NOT stamped STREQUAL stamp)
    message(STATUS "Generating the SQLite amalgamation of ${target}")
    file(REMOVE_RECURSE "${out}")
    file(MAKE_DIRECTORY "${out}/build")
    # lemon and mkkeywordhash run on this machine: the host's compiler.
    execute_process(
      COMMAND env CC=cc CFLAGS=${flags} sh "${_sqlite_src}/configure"
              --disable-tcl --disable-math --disable-readline
      WORKING_DIRECTORY "${out}/build"
      OUTPUT_QUIET RESULT_VARIABLE configured)
    execute_process(COMMAND make sqlite3.c
      WORKING_DIRECTORY "${out}/build"
      OUTPUT_QUIET RESULT_VARIABLE made)
    if(NOT configured EQUAL 0 OR NOT made EQUAL 0)
      message(FATAL_ERROR "could not generate sqlite3.c in ${out}/build")
    endif()
    file(COPY "${out}/build/sqlite3.c" "${out}/build/sqlite3.h"
         DESTINATION "${out}")
    file(REMOVE_RECURSE "${out}/build")
    file(WRITE "${out}/options.txt" "${stamp}")
  endif()
  add_library(${target} STATIC "${out}/sqlite3.c")
  target_include_directories(${target} SYSTEM PUBLIC "${out}")
  target_compile_definitions(${target} PRIVATE ${ARGN})
  target_compile_options(${target} PRIVATE -w ${optimize})  # not our code
endfunction()

atrium_sqlite(sqlite3_replica -Oz ${_sqlite_common} ${_sqlite_replica_only})
# Not downloaded by anyone: built for the speed of the store's benchmarks.
atrium_sqlite(sqlite3_full -O2 ${_sqlite_common})

add_library(atrium_sqlite INTERFACE)
target_include_directories(atrium_sqlite SYSTEM INTERFACE
                           "${CMAKE_BINARY_DIR}/sqlite/sqlite3_full")
# Evaluated for the program being linked (the head target).
target_link_libraries(atrium_sqlite INTERFACE
  "$<IF:$<BOOL:$<TARGET_PROPERTY:ATRIUM_SQLITE_REPLICA>>,sqlite3_replica,sqlite3_full>")
add_library(SQLite::SQLite3 ALIAS atrium_sqlite)
