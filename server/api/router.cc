#include "api/router.h"

#include "api/json_response.h"

namespace atrium::server {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool Match(const std::vector<std::string>& pattern,
           const std::vector<std::string>& path, PathParams& params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < path.size(); ++i) {
    if (IsParam(pattern[i])) {
      params[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, const std::string& pattern, RouteFn fn,
                 std::string who) {
  routes_.push_back(
      {std::move(method), Split(pattern), std::move(fn), std::move(who)});
}

std::vector<Router::Entry> Router::Table() const {
  std::vector<Entry> table;
  for (const Route& r : routes_) {
    std::string pattern;
    for (const std::string& segment : r.segments) pattern += "/" + segment;
    table.push_back({r.method, pattern, r.who});
  }
  return table;
}

void Router::Handle(const Request& req, const Respond& respond) const {
  std::vector<std::string> path = Split(req.Path());
  bool path_known = false;
  for (const Route& r : routes_) {
    PathParams params;
    if (!Match(r.segments, path, params)) continue;
    path_known = true;
    if (r.method != req.method) continue;
    r.fn(req, params, respond);
    return;
  }
  if (path_known) {
    respond(ErrorResponse(405, "METHOD_NOT_ALLOWED",
                          req.method + " is not allowed here"));
  } else {
    respond(ErrorResponse(404, "NOT_FOUND", "no such route"));
  }
}

}  // namespace atrium::server
