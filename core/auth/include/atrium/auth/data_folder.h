// The server's data folder: its databases (phones and plates' hashes in
// them) and its secret key, readable by the server's user alone.
//
// Contract:
// - RestrictNewFiles() makes every file the process creates from then on
//   owner-only (umask 077): SQLite's databases, their -wal and -shm files.
//   Call it first thing in main, before any file is opened.
// - PrepareDataFolder() creates the folder (0700) or narrows it and every
//   file in it to the owner, so a folder made by an older server is
//   private too; it returns the names of the files it narrowed.
// - LoadOrMakeKey() reads the 32-byte key, or makes one: created 0600 from
//   the start (never written open and narrowed later), synced, checked. A
//   key that others may read is refused (FailedPrecondition), as ssh does.
#ifndef ATRIUM_AUTH_DATA_FOLDER_H_
#define ATRIUM_AUTH_DATA_FOLDER_H_

#include <string>
#include <vector>

#include "atrium/status.h"

namespace atrium::auth {

void RestrictNewFiles();
StatusOr<std::vector<std::string>> PrepareDataFolder(const std::string& dir);
StatusOr<std::string> LoadOrMakeKey(const std::string& path);

}  // namespace atrium::auth

#endif  // ATRIUM_AUTH_DATA_FOLDER_H_
