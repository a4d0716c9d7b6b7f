// The Date header's form (RFC 9110 §5.6.7, IMF-fixdate): "Fri, 27 Nov 2026
// 12:34:45 GMT". A phone reads it to make member codes on the server's
// clock when its own is wrong.
#ifndef ATRIUM_SERVER_HTTP_HTTP_DATE_H_
#define ATRIUM_SERVER_HTTP_HTTP_DATE_H_

#include <string>

#include "atrium/time.h"

namespace atrium::server {

std::string HttpDate(Timestamp t);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_HTTP_HTTP_DATE_H_
