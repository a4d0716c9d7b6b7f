#include "atrium/auth/data_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "atrium/auth/crypto.h"

namespace atrium::auth {
namespace {

namespace fs = std::filesystem;

constexpr size_t kKeyBytes = 32;
constexpr mode_t kOthers = S_IRWXG | S_IRWXO;

std::string Errno(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

}  // namespace

void RestrictNewFiles() { umask(S_IRWXG | S_IRWXO); }

StatusOr<std::vector<std::string>> PrepareDataFolder(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Unavailable("cannot create " + dir + ": " + ec.message());
  std::vector<std::string> narrowed;
  auto narrow = [&](const fs::path& p, mode_t mode) -> Status {
    struct stat st {};
    if (lstat(p.c_str(), &st) != 0) return Unavailable(Errno(p.string()));
    if (S_ISLNK(st.st_mode) || (st.st_mode & kOthers) == 0) {
      return Status::Ok();
    }
    if (chmod(p.c_str(), mode) != 0) return Unavailable(Errno(p.string()));
    narrowed.push_back(p.filename().string());
    return Status::Ok();
  };
  ATRIUM_RETURN_IF_ERROR(narrow(dir, S_IRWXU));
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) {
      ATRIUM_RETURN_IF_ERROR(narrow(e.path(), S_IRUSR | S_IWUSR));
    }
  }
  if (ec) return Unavailable("cannot list " + dir + ": " + ec.message());
  return narrowed;
}

StatusOr<std::string> LoadOrMakeKey(const std::string& path) {
  const int in = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in >= 0) {
    struct stat st {};
    // One byte more than a key, to tell a longer file.
    std::array<char, kKeyBytes + 1> key{};
    const bool stated = fstat(in, &st) == 0;
    const ssize_t n = read(in, key.data(), key.size());
    close(in);
    if (!stated || n < 0) return Unavailable(Errno(path));
    if ((st.st_mode & kOthers) != 0) {
      return FailedPrecondition(path +
                                " may be read by others: chmod 600 it, or "
                                "replace it if it was seen");
    }
    if (static_cast<size_t>(n) != kKeyBytes) {
      return DataLoss(path + " is not a 32-byte key");
    }
    return std::string(key.data(), kKeyBytes);
  }
  if (errno != ENOENT) return Unavailable(Errno(path));
  const std::string key = auth::RandomBytes(kKeyBytes);
  const int out =
      open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) return Unavailable(Errno(path));
  const bool written =
      write(out, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
      fsync(out) == 0;
  close(out);
  if (!written) {
    unlink(path.c_str());
    return Unavailable("cannot write " + path);
  }
  return key;
}

}  // namespace atrium::auth
