#include "http/static_files.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace atrium::server {
namespace {

constexpr size_t kMaxFileBytes = size_t{32} << 20;

bool IsRegularFile(const std::string& path, size_t& size) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  size = static_cast<size_t>(st.st_size);
  return true;
}

bool ReadWhole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return true;
}

bool Safe(std::string_view rel) {
  return rel.find("..") == std::string_view::npos &&
         rel.find("//") == std::string_view::npos &&
         rel.find('\\') == std::string_view::npos &&
         rel.find('\0') == std::string_view::npos;
}

// ".3f2a9c1b." somewhere in the name: a content-hashed asset.
bool Hashed(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name =
      path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  size_t run = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::isxdigit(static_cast<unsigned char>(name[i]))) {
      ++run;
    } else {
      if (name[i] == '.' && run >= 8 && i > run && name[i - run - 1] == '.') {
        return true;
      }
      run = 0;
    }
  }
  return false;
}

Response NotFound() {
  Response r;
  r.status = 404;
  r.body = R"({"error":{"code":"NOT_FOUND","message":"no such file"}})";
  return r;
}

}  // namespace

std::string MimeTypeFor(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (path.ends_with(ext)) return std::string(type);
  }
  return "application/octet-stream";
}

bool StaticFiles::Covers(const Request& req) const {
  std::string path = req.Path();
  return path.starts_with(prefix_) || path + "/" == prefix_;
}

Response StaticFiles::Serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") {
    Response r;
    r.status = 405;
    r.body = R"({"error":{"code":"METHOD_NOT_ALLOWED","message":"GET only"}})";
    return r;
  }
  std::string path = req.Path();
  if (path + "/" == prefix_) {  // "/console" -> "/console/"
    Response r;
    r.status = 308;
    r.headers.emplace_back("Location", prefix_);
    return r;
  }
  std::string rel = path.substr(prefix_.size());
  if (!Safe(rel)) return NotFound();
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  const std::string file = root_ + "/" + rel;
  size_t size = 0;
  if (!IsRegularFile(file, size) || size > kMaxFileBytes) return NotFound();

  Response r;
  r.content_type = MimeTypeFor(rel);
  const std::string accept = req.Header("accept-encoding");
  std::string chosen = file;
  for (const auto& [token, ext] : {std::pair{"br", ".br"}, {"gzip", ".gz"}}) {
    size_t zsize = 0;
    if (accept.find(token) != std::string::npos &&
        IsRegularFile(file + ext, zsize)) {
      chosen = file + ext;
      r.headers.emplace_back("Content-Encoding", token);
      break;
    }
  }
  r.headers.emplace_back("Vary", "Accept-Encoding");
  // Pages and a service worker are checked on every visit: they name
  // everything else.
  if (rel.ends_with(".html") || rel.ends_with("sw.js")) {
    r.headers.emplace_back("Cache-Control", "no-cache");
  } else if (Hashed(rel)) {
    r.headers.emplace_back("Cache-Control",
                           "public, max-age=31536000, immutable");
  } else {
    r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  }
  r.headers.insert(r.headers.end(), headers_.begin(), headers_.end());
  if (!ReadWhole(chosen, r.body)) return NotFound();
  if (req.method == "HEAD") r.body.clear();
  return r;
}

Headers ConsoleHeaders() {
  return {{"Content-Security-Policy",
           "default-src 'self'; script-src 'self'; style-src 'self'; "
           "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"}};
}

}  // namespace atrium::server
