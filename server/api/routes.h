// The API's routes, by who calls them (shared/api/README.md documents
// each). Every route answers JSON; see api/json_response.h for errors.
#ifndef ATRIUM_SERVER_API_ROUTES_H_
#define ATRIUM_SERVER_API_ROUTES_H_

#include "api/context.h"
#include "api/router.h"

namespace atrium::server {

void AddAuthRoutes(Router& r, ApiContext& ctx);       // sign in and out
void AddMemberRoutes(Router& r, ApiContext& ctx);     // /api/v1/me...
void AddPosRoutes(Router& r, ApiContext& ctx);        // /api/v1/pos/...
void AddParkingRoutes(Router& r, ApiContext& ctx);    // gates, kiosks, me
void AddPlateRoutes(Router& r, ApiContext& ctx);      // bind, prove plates
void AddPaymentRoutes(Router& r, ApiContext& ctx);    // notify, status
void AddSyncRoutes(Router& r, ApiContext& ctx);       // /api/v1/sync/...
void AddOperatorRoutes(Router& r, ApiContext& ctx);   // /api/v1/operator/...
void AddReportRoutes(Router& r, ApiContext& ctx);     // .../operator/reports
void AddCatalogueRoutes(Router& r, ApiContext& ctx);  // /api/v1/catalogue

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_ROUTES_H_
