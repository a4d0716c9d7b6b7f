// The catalogue every screen shows and anyone may read: the group's malls
// and stores, the coupon templates on offer, the programme a replica starts
// from, the main mall's floor plan and each mall's store directory. No
// personal data.
#include <algorithm>

#include "api/access.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/map/store_directory.h"
#include "atrium/store/reports.h"
#include "atrium/store/sqlite.h"

namespace atrium::server {
namespace {

// What the catalogue use.
struct Uses {
  Service& service;
  const Catalogue& catalogue;
};

Response Cached(Response r) {
  r.headers.emplace_back("Cache-Control", "public, max-age=60");
  return r;
}

void Index(const Uses& ctx, const Caller&, const Request&,
           const Respond& respond) {
  // The coupon templates from the database on a reader of its own, the
  // malls from the state: neither holds the writer up.
  StatusOr<StatusOr<std::vector<std::string>>> read = ctx.service.Read(
      [](store::Db& db) { return store::CouponTemplateBodies(db); });
  if (!read.ok()) return respond(StatusResponse(read.status()));
  const StatusOr<std::vector<std::string>>& bodies = *read;
  if (!bodies.ok()) return respond(StatusResponse(bodies.status()));
  Response out = ctx.service.ReadState([&](const sync::GroupState& state) {
    const Group& group = state.program.group;
    codec::Json malls = codec::Json::array();
    for (const Mall& m : group.malls) {
      codec::Json stores = codec::Json::array();
      for (const Store& s : m.stores) {
        stores.push_back({{"id", s.id.value()},
                          {"name", s.name},
                          {"name_en", s.name_en},
                          {"category", s.category},
                          {"pinyin", s.pinyin}});
      }
      malls.push_back({{"id", m.id.value()},
                       {"name", m.name},
                       {"name_en", m.name_en},
                       {"stores", stores}});
    }
    codec::Json templates = codec::Json::array();
    for (const std::string& body : *bodies) {
      templates.push_back(codec::Json::parse(body, nullptr, false));
    }
    return JsonResponse(
        200, {{"group", {{"id", group.id.value()}, {"name", group.name}}},
              {"malls", malls},
              {"coupon_templates", templates}});
  });
  respond(Cached(std::move(out)));
}

// What a phone's replica starts from: the programme and car parks files.
void ProgramFiles(const Uses& ctx, const Caller&, const Request&,
                  const Respond& respond) {
  respond(Cached(JsonResponse(200, {{"program", ctx.catalogue.program_json},
                                    {"parking", ctx.catalogue.parking_json}})));
}

void Map(const Uses& ctx, const Caller&, const Request&,
         const Respond& respond) {
  if (!ctx.catalogue.mall_map) {
    return respond(ErrorResponse(404, "NOT_FOUND", "no floor plan"));
  }
  respond(Cached(JsonResponse(200, ctx.catalogue.map_json)));
}

// A mall's directory: ?mall_id= (the main mall, whose floor plan the
// server has, when absent), ?q= (name, pinyin initials or spelling),
// &category=, &floor= (only where there is a floor plan); each store with
// its floor and unit, and what the filters can offer: the mall's retail
// floors and its stores' categories.
void Directory(const Uses& ctx, const Caller&, const Request& req,
               const Respond& respond) {
  std::string mall_id = req.Query("mall_id");
  if (mall_id.empty() && ctx.catalogue.mall_map) {
    mall_id = ctx.catalogue.mall_map->parts().mall.value();
  }
  const MallMap* map =
      ctx.catalogue.mall_map &&
              ctx.catalogue.mall_map->parts().mall.value() == mall_id
          ? &*ctx.catalogue.mall_map
          : nullptr;
  const StoreQuery query{req.Query("q"), req.Query("category"),
                         req.Query("floor")};
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    const Mall* mall = s.program.group.FindMall(MallId(mall_id));
    if (mall == nullptr) return ErrorResponse(404, "NOT_FOUND", "no such mall");
    StatusOr<std::vector<const Store*>> found = SearchStores(*mall, map, query);
    if (!found.ok()) return StatusResponse(found.status());
    codec::Json stores = codec::Json::array();
    for (const Store* store : *found) {
      codec::Json j = {{"id", store->id.value()},
                       {"name", store->name},
                       {"name_en", store->name_en},
                       {"category", store->category},
                       {"initials", store->Initials()}};
      if (const StoreUnit* unit = map ? map->UnitOf(store->id) : nullptr) {
        j["floor"] = unit->floor;
        j["unit"] = unit->unit;
      }
      stores.push_back(std::move(j));
    }
    codec::Json floors = codec::Json::array();
    for (const MapFloor& f :
         map ? map->parts().floors : std::vector<MapFloor>{}) {
      if (f.kind != "retail") continue;
      floors.push_back(
          {{"id", f.id}, {"name", f.name}, {"name_en", f.name_en}});
    }
    codec::Json categories = codec::Json::array();
    for (const Store& store : mall->stores) {
      if (std::find(categories.begin(), categories.end(), store.category) ==
          categories.end()) {
        categories.push_back(store.category);
      }
    }
    return JsonResponse(200, {{"mall_id", mall->id.value()},
                              {"floors", std::move(floors)},
                              {"categories", std::move(categories)},
                              {"stores", std::move(stores)}});
  });
  respond(Cached(std::move(out)));
}

}  // namespace

void AddCatalogueRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.catalogue};
  AddRoute(r, ctx.gate, "GET", "/api/v1/catalogue", Anyone(), uses, Index);
  AddRoute(r, ctx.gate, "GET", "/api/v1/catalogue/program", Anyone(), uses,
           ProgramFiles);
  AddRoute(r, ctx.gate, "GET", "/api/v1/catalogue/map", Anyone(), uses, Map);
  AddRoute(r, ctx.gate, "GET", "/api/v1/catalogue/stores", Anyone(), uses,
           Directory);
}

}  // namespace atrium::server
