// Api: the whole HTTP surface as one Handler — the JSON API's routes, a
// health check, and static files (the H5 app, the operator console).
#ifndef ATRIUM_SERVER_API_API_H_
#define ATRIUM_SERVER_API_API_H_

#include <vector>

#include "api/context.h"
#include "api/router.h"
#include "http/static_files.h"

namespace atrium::server {

class Api {
 public:
  Api(ApiContext& ctx, std::vector<StaticFiles> statics);
  void Handle(const Request& req, const Respond& respond) const;
  // The API's routes and who may call each (api/access.h).
  std::vector<Router::Entry> Routes() const { return router_.Table(); }

 private:
  ApiContext& ctx_;
  Router router_;
  std::vector<StaticFiles> statics_;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_API_H_
