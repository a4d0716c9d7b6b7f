// StaticFiles: serves the files under a folder (the H5 app, the console)
// with their MIME types, cache headers, and a precompressed .br or .gz
// beside a file when the client accepts it.
//
// Paths with "..", "//", a backslash or a NUL are refused (404), as is
// anything that is not a regular file under the root. A folder serves its
// index.html. HTML is revalidated on every visit (no-cache); other files
// are cached for an hour, or a year when their name holds a content hash
// (".<8+ hex>." as in app.3f2a9c1b.js).
#ifndef ATRIUM_SERVER_HTTP_STATIC_FILES_H_
#define ATRIUM_SERVER_HTTP_STATIC_FILES_H_

#include <string>
#include <utility>
#include <vector>

#include "http/messages.h"

namespace atrium::server {

using Headers = std::vector<std::pair<std::string, std::string>>;

class StaticFiles {
 public:
  // Serves `url_prefix` + path from `root` ("/console/" from server/console),
  // each file with `headers` too (a Content-Security-Policy, say).
  StaticFiles(std::string url_prefix, std::string root, Headers headers = {})
      : prefix_(std::move(url_prefix)),
        root_(std::move(root)),
        headers_(std::move(headers)) {}

  // Whether the request's path is under the prefix.
  bool Covers(const Request& req) const;
  Response Serve(const Request& req) const;

 private:
  std::string prefix_;
  std::string root_;
  Headers headers_;
};

// The console's: scripts, styles and requests from its own origin only,
// never framed (no clickjacking of an operator's session).
Headers ConsoleHeaders();

// "application/wasm" for ".wasm", and so on; octet-stream if unknown.
std::string MimeTypeFor(std::string_view path);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_HTTP_STATIC_FILES_H_
