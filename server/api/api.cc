#include "api/api.h"

#include "api/json_response.h"
#include "api/routes.h"
#include "http/http_date.h"

namespace atrium::server {

Api::Api(ApiContext& ctx, std::vector<StaticFiles> statics)
    : ctx_(ctx), statics_(std::move(statics)) {
  AddAuthRoutes(router_, ctx_);
  AddMemberRoutes(router_, ctx_);
  AddPosRoutes(router_, ctx_);
  AddParkingRoutes(router_, ctx_);
  AddPlateRoutes(router_, ctx_);
  AddPaymentRoutes(router_, ctx_);
  AddSyncRoutes(router_, ctx_);
  AddOperatorRoutes(router_, ctx_);
  AddReportRoutes(router_, ctx_);
  AddCatalogueRoutes(router_, ctx_);
  router_.Add(
      "GET", "/healthz",
      [this](const Request&, const PathParams&, const Respond& r) {
        r(JsonResponse(
            200, {{"ok", true}, {"time", FormatIso8601(ctx_.service.Now())}}));
      },
      "anyone");
}

void Api::Handle(const Request& req, const Respond& answer) const {
  // Every answer dated by the server's clock, the one codes are checked on.
  const Respond respond = [this, answer](Response res) {
    res.headers.emplace_back("Date", HttpDate(ctx_.service.Now()));
    // A browser takes every answer as the type it says, never a guess.
    res.headers.emplace_back("X-Content-Type-Options", "nosniff");
    answer(std::move(res));
  };
  if (req.Path().starts_with("/api/") || req.Path() == "/healthz") {
    // A 5xx is a bug or a failing disk: the log says which route.
    router_.Handle(req, [this, respond, method = req.method,
                         path = req.Path()](Response res) {
      if (res.status >= 500) {
        ctx_.log(method + " " + path + " -> " + std::to_string(res.status) +
                 " " + res.body);
      }
      respond(std::move(res));
    });
    return;
  }
  for (const StaticFiles& s : statics_) {
    if (s.Covers(req)) return respond(s.Serve(req));
  }
  if (req.Path() == "/") {
    Response r;
    r.status = 302;
    r.headers.emplace_back("Location", "/app/");
    return respond(r);
  }
  respond(ErrorResponse(404, "NOT_FOUND", "no such route"));
}

}  // namespace atrium::server
