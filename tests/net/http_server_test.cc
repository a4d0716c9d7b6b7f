// The HTTP layer on its own, with handlers made for the test: limits,
// malformed input, keep-alive, the connection cap and a graceful stop.
#include "atrium/net/http_server.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <future>
#include <thread>

#include "http_client.h"

namespace atrium::net {
namespace {

using load::Call;
using load::Connection;
using load::HttpReply;
using load::SendRaw;

// Echoes the method, path and body length.
void Echo(Request req, Respond respond) {
  Response r;
  r.body = R"({"method":")" + req.method + R"(","path":")" + req.Path() +
           R"(","bytes":)" + std::to_string(req.body.size()) + "}";
  respond(std::move(r));
}

class HttpServerTest : public ::testing::Test {
 protected:
  void StartWith(HttpOptions options, Handler handler = Echo) {
    options.port = 0;
    server_ = std::make_unique<HttpServer>(options, std::move(handler));
    std::string error;
    ASSERT_TRUE(server_->Start(error)) << error;
  }
  uint16_t port() const { return server_->port(); }
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, AnswersWhatTheHandlerReturns) {
  StartWith({});
  HttpReply r = Call(port(), "POST", "/x?y=1", "hello");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "application/json");
  EXPECT_EQ(r.Json()["path"], "/x");
  EXPECT_EQ(r.Json()["bytes"], 5);
}

TEST_F(HttpServerTest, ABodyOverTheLimitIs413AndNeverReachesTheHandler) {
  HttpOptions options;
  options.body_limit = 1024;
  std::atomic<int> handled{0};
  StartWith(options, [&](Request req, Respond respond) {
    ++handled;
    Echo(std::move(req), std::move(respond));
  });
  HttpReply big = Call(port(), "POST", "/x", std::string(1025, 'a'));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.Json()["error"]["code"], "PAYLOAD_TOO_LARGE");
  HttpReply fits = Call(port(), "POST", "/x", std::string(1024, 'a'));
  EXPECT_EQ(fits.status, 200);
  EXPECT_EQ(handled, 1);
}

TEST_F(HttpServerTest, MalformedRequestsGet400WithAJsonBody) {
  StartWith({});
  for (const std::string raw :
       {"GARBAGE\r\n\r\n", "GET /x HTTP/9.9\r\n\r\n",
        "GET /x HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        "GET /x HTTP/1.1\r\nBad Header\r\n\r\n"}) {
    HttpReply r = SendRaw(port(), raw);
    EXPECT_EQ(r.status, 400) << raw;
    EXPECT_EQ(r.Json()["error"]["code"], "BAD_REQUEST") << raw;
  }
  // The server still answers afterwards.
  EXPECT_EQ(Call(port(), "GET", "/ok").status, 200);
}

TEST_F(HttpServerTest, OversizedHeadersGet400) {
  StartWith({});
  HttpReply r =
      SendRaw(port(), "GET /x HTTP/1.1\r\nX-Big: " + std::string(20000, 'a') +
                          "\r\n\r\n");
  EXPECT_EQ(r.status, 400);
}

TEST_F(HttpServerTest, KeepsTheConnectionAliveBetweenRequests) {
  StartWith({});
  Connection c(port());
  ASSERT_TRUE(c.ok());
  for (int i = 0; i < 3; ++i) {
    HttpReply r = c.Request("GET /n" + std::to_string(i) +
                            " HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_EQ(r.status, 200) << i;
    EXPECT_EQ(r.Json()["path"], "/n" + std::to_string(i));
  }
}

TEST_F(HttpServerTest, AnIdleConnectionIsClosed) {
  HttpOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  StartWith(options);
  Connection c(port());
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c.Request("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  // The client's read waits up to 10 s; the server closes after 1 s.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(c.Request("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").status, 0);
}

TEST_F(HttpServerTest, ConnectionsBeyondTheCapGet503) {
  HttpOptions options;
  options.max_connections = 2;
  StartWith(options);
  Connection a(port());
  Connection b(port());
  ASSERT_EQ(a.Request("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  ASSERT_EQ(b.Request("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  HttpReply third = Call(port(), "GET", "/c");
  EXPECT_EQ(third.status, 503);
  EXPECT_EQ(third.Json()["error"]["code"], "UNAVAILABLE");
}

TEST_F(HttpServerTest, ConnectionsBeyondThePerAddressCapGet503) {
  HttpOptions options;
  options.max_per_address = 2;
  StartWith(options);
  Connection a(port());
  Connection b(port());
  ASSERT_EQ(a.Request("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  ASSERT_EQ(b.Request("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  EXPECT_EQ(Call(port(), "GET", "/c").status, 503);
}

// 7. Under a descriptor limit below max_connections, the cap in force
// follows the limit, so a connection past it still gets its 503; and when
// accepting fails for want of descriptors, the listener waits and then
// serves again.
TEST_F(HttpServerTest, OutOfDescriptorsItBacksOffAndRecovers) {
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit low = saved;
  low.rlim_cur = 256;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
  HttpOptions options;
  options.max_connections = 10'000;
  StartWith(options);
  EXPECT_EQ(server_->max_connections(), 256u - 64);

  // Everything the client and the server do is done once first, and the
  // client's thread made now: while descriptors are out, the sanitizers'
  // runtime cannot check what it has not seen (it probes memory through a
  // pipe).
  ASSERT_EQ(Call(port(), "GET", "/warm").status, 200);
  while (server_->connections() > 0) std::this_thread::yield();  // closed
  std::promise<void> go;
  std::future<HttpReply> reply =
      std::async(std::launch::async, [&, ready = go.get_future()]() mutable {
        ready.wait();
        return Call(port(), "GET", "/while-full");
      });
  // Use up every descriptor the process may open, but one for the client.
  std::vector<int> hogs;
  for (int fd; (fd = open("/dev/null", O_RDONLY)) >= 0;) hogs.push_back(fd);
  ASSERT_FALSE(hogs.empty());
  close(hogs.back());
  hogs.pop_back();
  go.set_value();
  // The server cannot accept it until descriptors are free again.
  while (server_->accept_failures() == 0 &&
         reply.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    std::this_thread::yield();
  }
  for (int fd : hogs) close(fd);
  EXPECT_EQ(reply.get().status, 200);
  EXPECT_GE(server_->accept_failures(), 1u);
  EXPECT_EQ(Call(port(), "GET", "/after").status, 200);
  setrlimit(RLIMIT_NOFILE, &saved);
}

TEST_F(HttpServerTest, StopAnswersTheRequestInFlightThenRefusesNewOnes) {
  std::promise<Respond> held;
  StartWith({}, [&](Request, Respond respond) { held.set_value(respond); });
  auto reply = std::async(std::launch::async,
                          [p = port()] { return Call(p, "GET", "/slow"); });
  Respond respond = held.get_future().get();  // the request is in flight
  std::thread stopper([&] { server_->Stop(); });
  // Stop waits for the answer, which comes now.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  respond({200, "application/json", {}, R"({"done":true})"});
  respond = nullptr;  // it holds the connection, as a writer's callback does
  stopper.join();
  HttpReply r = reply.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["done"], true);
  EXPECT_EQ(Call(port(), "GET", "/after").status, 0);
}

}  // namespace
}  // namespace atrium::net
