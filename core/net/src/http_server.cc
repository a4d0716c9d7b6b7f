// Asio in Boost 1.74 uses std::exchange without including <utility>, which
// g++ 12 in C++20 mode does not include for it.
#include "atrium/net/http_server.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

namespace atrium::net {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr size_t kHeaderLimit = size_t{16} * 1024;
constexpr auto kStopWait = std::chrono::seconds(30);
// Closing after a last answer: how long, and how much of what the client
// still sends (the rest of a refused body), to read and drop first.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr size_t kLingerBytes = size_t{4} << 20;
constexpr size_t kLingerChunk = size_t{16} * 1024;

std::string ErrorBody(std::string_view code, std::string_view message) {
  return std::string(R"({"error":{"code":")") + std::string(code) +
         R"(","message":")" + std::string(message) + "\"}}";
}

class Session;

// What the listener and every session share.
struct Shared {
  HttpOptions options;
  Handler handler;
  size_t max_connections = 0;  // in force: options' and the fd limit's
  std::atomic<size_t> connections{0};
  std::atomic<size_t> accept_failures{0};
  std::map<std::string, size_t> per_address;  // under mu
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::condition_variable all_closed;
  std::set<Session*> sessions;  // under mu
  // Last, so destroyed first: handlers it still holds (a session closing
  // slowly) release their sessions while the set above is alive.
  asio::io_context ioc;
};

// One connection: read a request, hand it over, write the answer, again.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Shared& shared)
      : stream_(std::move(socket)), shared_(shared) {
    beast::error_code ec;
    remote_ = stream_.socket().remote_endpoint(ec).address().to_string();
    std::lock_guard lock(shared_.mu);
    shared_.sessions.insert(this);
    ++shared_.connections;
    ++shared_.per_address[remote_];
  }
  ~Session() {
    std::lock_guard lock(shared_.mu);
    shared_.sessions.erase(this);
    if (auto it = shared_.per_address.find(remote_);
        it != shared_.per_address.end() && --it->second == 0) {
      shared_.per_address.erase(it);
    }
    if (--shared_.connections == 0) shared_.all_closed.notify_all();
  }
  // Whether this connection is one too many, overall or from its address.
  bool OverCap() {
    std::lock_guard lock(shared_.mu);
    return shared_.connections > shared_.max_connections ||
           shared_.per_address[remote_] > shared_.options.max_per_address;
  }

  void Start() {
    asio::dispatch(
        stream_.get_executor(),
        beast::bind_front_handler(&Session::DoRead, shared_from_this()));
  }
  // Answers 503 and closes: too many connections.
  void Reject() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->DoWrite({503,
                     "application/json",
                     {},
                     ErrorBody("UNAVAILABLE", "too many connections")});
    });
  }
  // Closes the connection unless a request is being read or answered.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->DoClose();
    });
  }

 private:
  void DoRead() {
    if (shared_.stopping) return DoClose();
    busy_ = false;
    parser_.emplace();
    parser_->body_limit(shared_.options.body_limit);
    parser_->header_limit(kHeaderLimit);
    stream_.expires_after(shared_.options.idle_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t /*bytes*/) {
    if (ec) return OnReadError(ec);
    busy_ = true;
    stream_.expires_after(shared_.options.read_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      return DoWrite({413,
                      "application/json",
                      {},
                      ErrorBody("PAYLOAD_TOO_LARGE", "the body is too large")});
    }
    if (ec.category() ==
        http::make_error_code(http::error::bad_target).category()) {
      return DoWrite({400,
                      "application/json",
                      {},
                      ErrorBody("BAD_REQUEST", "malformed HTTP request")});
    }
    // The peer closed, went quiet, or the server is stopping.
    DoClose();
  }

  void OnRead(beast::error_code ec, size_t /*bytes*/) {
    if (ec) return OnReadError(ec);
    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive();
    version_ = msg.version();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(c));
      req.headers[name] = std::string(field.value());
    }
    req.body = std::move(msg.body());
    req.remote = remote_;
    stream_.expires_never();  // the handler answers; the write has a timeout
    in_flight_.emplace(shared_.ioc.get_executor());
    // An answer given before the handler returns (most reads) is written
    // from here; one given later, from another thread, is posted.
    handling_ = std::this_thread::get_id();
    auto respond = [self = shared_from_this()](Response res) {
      if (self->handling_ == std::this_thread::get_id()) {
        self->answered_ = std::move(res);
        return;
      }
      asio::post(self->stream_.get_executor(),
                 [self, res = std::move(res)]() mutable {
                   self->DoWrite(std::move(res));
                 });
    };
    try {
      shared_.handler(std::move(req), respond);
    } catch (const std::exception&) {
      answered_ =
          Response{500,
                   "application/json",
                   {},
                   ErrorBody("INTERNAL", "the server failed to answer")};
    }
    handling_ = std::thread::id();
    if (answered_) {
      Response res = std::move(*answered_);
      answered_.reset();
      DoWrite(std::move(res));
    }
  }

  void DoWrite(Response res) {
    busy_ = true;
    auto msg = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(res.status), version_);
    msg->set(http::field::server, "atriumd");
    msg->set(http::field::content_type, res.content_type);
    for (const auto& [name, value] : res.headers) msg->set(name, value);
    msg->body() = std::move(res.body);
    msg->keep_alive(keep_alive_ && !shared_.stopping && res.status != 413 &&
                    res.status != 400 && res.status != 503);
    msg->prepare_payload();
    response_ = msg;
    stream_.expires_after(shared_.options.read_timeout);
    http::async_write(
        stream_, *msg,
        beast::bind_front_handler(&Session::OnWrite, shared_from_this(),
                                  msg->need_eof()));
  }

  void OnWrite(bool close, beast::error_code ec, size_t /*bytes*/) {
    response_.reset();
    in_flight_.reset();
    if (ec) return DoClose();
    if (close) return DoLinger();
    DoRead();
  }

  // A close straight after the answer would reset the connection if the
  // client is still sending (a body over the limit): the client might then
  // never read the answer. So stop sending, and drop what arrives until
  // the client closes, for a while.
  void DoLinger() {
    busy_ = false;  // a stopping server need not wait for it
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return DoClose();
    buffer_.clear();
    stream_.expires_after(kLingerTime);
    DoDrain();
  }

  void DoDrain() {
    stream_.async_read_some(
        buffer_.prepare(kLingerChunk),
        beast::bind_front_handler(&Session::OnDrain, shared_from_this()));
  }

  void OnDrain(beast::error_code ec, size_t bytes) {
    lingered_ += bytes;
    if (ec || lingered_ > kLingerBytes) return DoClose();
    DoDrain();
  }

  void DoClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<void> response_;  // alive until written
  // Keeps the io_context running while the handler works on a request.
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>>
      in_flight_;
  std::string remote_;
  // The thread running the handler, while it runs; its answer if given then.
  std::atomic<std::thread::id> handling_;
  std::optional<Response> answered_;
  size_t lingered_ = 0;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  bool busy_ = false;
};

// Accepts connections and starts a session on each.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  explicit Listener(Shared& shared)
      : shared_(shared),
        acceptor_(asio::make_strand(shared.ioc)),
        retry_(acceptor_.get_executor()) {}

  bool Open(std::string& error) {
    beast::error_code ec;
    auto address = asio::ip::make_address(shared_.options.address, ec);
    if (ec) return Fail("bad address " + shared_.options.address, ec, error);
    tcp::endpoint endpoint(address, shared_.options.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (ec) return Fail("open", ec, error);
    acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (ec) return Fail("set_option", ec, error);
    acceptor_.bind(endpoint, ec);
    if (ec) return Fail("bind", ec, error);
    acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return Fail("listen", ec, error);
    port_ = acceptor_.local_endpoint().port();
    return true;
  }
  uint16_t port() const { return port_; }

  void DoAccept() {
    acceptor_.async_accept(
        asio::make_strand(shared_.ioc),
        beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }
  void Close() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
      self->retry_.cancel();
    });
  }

 private:
  static bool Fail(const std::string& what, const beast::error_code& ec,
                   std::string& error) {
    error = what + ": " + ec.message();
    return false;
  }

  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open()) return;
    if (ec) {
      // Out of descriptors (EMFILE) or the like: accepting again at once
      // would fail again at once. Wait, longer each time.
      ++shared_.accept_failures;
      backoff_ = std::min(backoff_ == std::chrono::milliseconds(0)
                              ? std::chrono::milliseconds(10)
                              : backoff_ * 2,
                          std::chrono::milliseconds(1000));
      retry_.expires_after(backoff_);
      retry_.async_wait([self = shared_from_this()](beast::error_code e) {
        if (!e) self->DoAccept();
      });
      return;
    }
    backoff_ = std::chrono::milliseconds(0);
    auto session = std::make_shared<Session>(std::move(socket), shared_);
    if (session->OverCap()) {
      session->Reject();
    } else {
      session->Start();
    }
    DoAccept();
  }

  Shared& shared_;
  tcp::acceptor acceptor_;
  asio::steady_timer retry_;
  std::chrono::milliseconds backoff_{0};
  uint16_t port_ = 0;
};

// Descriptors kept for the databases, logs and the one that says 503.
constexpr rlim_t kReservedFds = 64;

// How many connections the process's descriptor limit leaves room for.
size_t ConnectionsTheFdsAllow() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 ||
      limit.rlim_cur == RLIM_INFINITY) {
    return SIZE_MAX;
  }
  return limit.rlim_cur > 2 * kReservedFds
             ? static_cast<size_t>(limit.rlim_cur - kReservedFds)
             : static_cast<size_t>(std::max<rlim_t>(1, limit.rlim_cur / 2));
}

}  // namespace

struct HttpServer::Impl {
  Shared shared;
  std::shared_ptr<Listener> listener;
  std::vector<std::thread> threads;
  std::mutex stop_mu;
  bool stopped = false;
};

HttpServer::HttpServer(HttpOptions options, Handler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->shared.options = std::move(options);
  impl_->shared.handler = std::move(handler);
}

HttpServer::~HttpServer() { Stop(); }

bool HttpServer::Start(std::string& error) {
  impl_->shared.max_connections =
      std::min(impl_->shared.options.max_connections, ConnectionsTheFdsAllow());
  impl_->listener = std::make_shared<Listener>(impl_->shared);
  if (!impl_->listener->Open(error)) return false;
  impl_->listener->DoAccept();
  int n = std::max(1, impl_->shared.options.threads);
  for (int i = 0; i < n; ++i) {
    impl_->threads.emplace_back([this] { impl_->shared.ioc.run(); });
  }
  return true;
}

uint16_t HttpServer::port() const {
  return impl_->listener ? impl_->listener->port() : 0;
}

size_t HttpServer::max_connections() const {
  return impl_->shared.max_connections;
}

size_t HttpServer::accept_failures() const {
  return impl_->shared.accept_failures;
}

size_t HttpServer::connections() const { return impl_->shared.connections; }

void HttpServer::RunUntilSignalled() {
  asio::io_context signals_ioc;
  asio::signal_set signals(signals_ioc, SIGINT, SIGTERM);
  signals.async_wait([](const beast::error_code&, int) {});
  signals_ioc.run();
  Stop();
}

void HttpServer::Stop() {
  std::lock_guard stop_lock(impl_->stop_mu);
  if (impl_->stopped) return;
  impl_->stopped = true;
  Shared& shared = impl_->shared;
  shared.stopping = true;
  if (impl_->listener) impl_->listener->Close();
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(shared.mu);
    for (Session* s : shared.sessions) {
      if (auto alive = s->weak_from_this().lock()) open.push_back(alive);
    }
  }
  // Released outside the lock: the last owner's release closes a session,
  // which takes the lock.
  for (auto& s : open) s->CloseIfIdle();
  open.clear();
  {
    std::unique_lock lock(shared.mu);
    shared.all_closed.wait_for(lock, kStopWait,
                               [&] { return shared.connections == 0; });
  }
  shared.ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
}

}  // namespace atrium::net
