// whosaid serve: the web reader and JSON API over a quote index, until
// SIGINT or SIGTERM.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "src/server/http_server.h"
#include "src/server/reader_app.h"
#include "tools/cli.h"
#include "tools/flag_parse.h"

namespace whosaid::cli {
namespace {

const char kServeHelp[] =
    "Usage: whosaid serve DB [--port N] [--host ADDRESS] [--threads N]\n"
    "Serves a web reader and a JSON API over the quote index DB, opened read-only.\n"
    "Default address 127.0.0.1:8080; --port 0 picks a free port. The URL is\n"
    "printed once the server listens. Ctrl-C (SIGINT) or SIGTERM stops it.\n"
    "Exit status: 0 after a stop, 1 when DB cannot be opened or the address\n"
    "cannot be bound, 2 on bad usage.\n";

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  internal::HttpServerOptions options;
  std::string db;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kServeHelp, stdout);
      return kExitOk;
    }
    bool has_value = i + 1 < args.size();
    if (a == "--port" || a == "--host" || a == "--threads") {
      if (!has_value) {
        std::fprintf(stderr, "whosaid serve: %s needs a value\n%s", a.c_str(), kServeHelp);
        return kExitUsage;
      }
      const std::string& v = args[++i];
      bool ok = true;
      if (a == "--port") ok = ParseIntFlag(v, 0, 65535, &options.port);
      if (a == "--threads") ok = ParseIntFlag(v, 1, 256, &options.threads);
      if (a == "--host") options.host = v;
      if (!ok) {
        std::fprintf(stderr, "whosaid serve: bad value '%s' for %s\n", v.c_str(), a.c_str());
        return kExitUsage;
      }
    } else if (a.rfind("--", 0) == 0) {
      std::fprintf(stderr, "whosaid serve: unknown option '%s'\n%s", a.c_str(), kServeHelp);
      return kExitUsage;
    } else if (db.empty()) {
      db = a;
    } else {
      std::fprintf(stderr, "whosaid serve: one DB only\n%s", kServeHelp);
      return kExitUsage;
    }
  }
  if (db.empty()) {
    std::fputs(kServeHelp, stderr);
    return kExitUsage;
  }
  // Block the stop signals in every thread; the main thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  internal::HttpServer server(options, [&db] { return internal::ReaderApp::Open(db); });
  Status s = server.Start();
  if (!s.ok()) {
    std::fprintf(stderr, "whosaid serve: %s\n", s.message().c_str());
    return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitInputFailed;
  }
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::printf("whosaid serve: %s at http://%s:%d/\n", db.c_str(), host.c_str(), server.port());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::fprintf(stderr, "whosaid serve: stopping\n");
  server.Stop();
  return kExitOk;
}

}  // namespace whosaid::cli
