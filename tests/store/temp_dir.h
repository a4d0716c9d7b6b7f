// A fresh directory for a test's files, removed with everything in it when
// the test ends.
#ifndef ATRIUM_TESTS_STORE_TEMP_DIR_H_
#define ATRIUM_TESTS_STORE_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <string>

namespace atrium::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "atrium-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_STORE_TEMP_DIR_H_
