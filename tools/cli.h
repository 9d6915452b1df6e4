// Shared pieces of the whosaid command-line tool: the command table and small
// helpers for reading inputs. The CLI is a thin shell over the library.
#ifndef WHOSAID_TOOLS_CLI_H_
#define WHOSAID_TOOLS_CLI_H_

#include <string>
#include <vector>

#include "whosaid/status.h"

namespace whosaid::cli {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;  // Some input could not be processed.
constexpr int kExitUsage = 2;        // Bad flags or arguments.

// Each command takes its own arguments (argv[0] is the command name).
int RunExtract(const std::vector<std::string>& args);
int RunEval(const std::vector<std::string>& args);
int RunEvalExtraction(const std::vector<std::string>& args);
int RunSummarize(const std::vector<std::string>& args);  // summarize_command.cc
int RunIndex(const std::vector<std::string>& args);     // index_command.cc
int RunSearch(const std::vector<std::string>& args);    // query_commands.cc
int RunSpeakers(const std::vector<std::string>& args);  // query_commands.cc
int RunQuote(const std::vector<std::string>& args);     // query_commands.cc
int RunCheck(const std::vector<std::string>& args);     // query_commands.cc
int RunTrainCues(const std::vector<std::string>& args);  // train_command.cc
int RunTrainSpans(const std::vector<std::string>& args);  // train_spans_command.cc
int RunTrainStarts(const std::vector<std::string>& args);  // train_starts_command.cc
int RunServe(const std::vector<std::string>& args);     // serve_command.cc

// Reads a whole file (or stdin for "-") into *out. Refuses directories and
// files over max_bytes with a message that names the path.
Status ReadInputFile(const std::string& path, size_t max_bytes, std::string* out);

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_CLI_H_
