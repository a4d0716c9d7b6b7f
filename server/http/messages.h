// The HTTP messages of atrium::net (core/net/message.h) as the server's code
// names them: a route is a function of a Request that answers a Response.
#ifndef ATRIUM_SERVER_HTTP_MESSAGES_H_
#define ATRIUM_SERVER_HTTP_MESSAGES_H_

#include "atrium/net/message.h"

namespace atrium::server {

using net::Handler;
using net::Request;
using net::Respond;
using net::Response;

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_HTTP_MESSAGES_H_
