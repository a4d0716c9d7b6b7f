// The catalogue every screen shows and anyone may read: the group's malls
// and stores, and the coupon templates on offer. No personal data.
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/store/sqlite.h"

namespace atrium::server {
namespace {

void Catalogue(ApiContext& ctx, const Request&, const PathParams&,
               const Respond& respond) {
  Response out = ctx.service.WithLog([&](store::OpLog& log) {
    const Group& group = log.state().program.group;
    codec::Json malls = codec::Json::array();
    for (const Mall& m : group.malls) {
      codec::Json stores = codec::Json::array();
      for (const Store& s : m.stores) {
        stores.push_back({{"id", s.id.value()},
                          {"name", s.name},
                          {"name_en", s.name_en},
                          {"category", s.category}});
      }
      malls.push_back({{"id", m.id.value()},
                       {"name", m.name},
                       {"name_en", m.name_en},
                       {"stores", stores}});
    }
    codec::Json templates = codec::Json::array();
    StatusOr<store::Statement*> s =
        log.db().Prepare("SELECT body FROM coupon_templates ORDER BY id");
    if (!s.ok()) return StatusResponse(s.status());
    Status read = (*s)->ForEach([&](store::Statement& row) {
      templates.push_back(codec::Json::parse(row.Text(0), nullptr, false));
    });
    if (!read.ok()) return StatusResponse(read);
    return JsonResponse(
        200, {{"group", {{"id", group.id.value()}, {"name", group.name}}},
              {"malls", malls},
              {"coupon_templates", templates}});
  });
  out.headers.emplace_back("Cache-Control", "public, max-age=60");
  respond(std::move(out));
}

}  // namespace

void AddCatalogueRoutes(Router& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/catalogue",
        [&ctx](const Request& req, const PathParams& p, const Respond& res) {
          Catalogue(ctx, req, p, res);
        });
}

}  // namespace atrium::server
