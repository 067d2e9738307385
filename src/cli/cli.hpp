// The command-line front end: a table of subcommands over the core library.
#pragma once

#include <string>
#include <vector>

namespace claimtrail::cli {

// Exit codes (SPEC section 5).
enum ExitCode : int {
  kExitOk = 0,
  kExitInputRejected = 1,  // some inputs rejected, the others processed
  kExitUsage = 2,
  kExitStore = 3,
};

// Runs claimtrail with the given arguments; returns the process exit code.
int run(int argc, char** argv);

// One subcommand: its arguments exclude the program and subcommand names.
using Handler = int (*)(const std::vector<std::string>& args);

int cmd_extract(const std::vector<std::string>& args);
int cmd_eval(const std::vector<std::string>& args);
int cmd_ingest(const std::vector<std::string>& args);
int cmd_claims(const std::vector<std::string>& args);
int cmd_sources(const std::vector<std::string>& args);
int cmd_source(const std::vector<std::string>& args);
int cmd_claim(const std::vector<std::string>& args);
int cmd_verdict(const std::vector<std::string>& args);
int cmd_evidence(const std::vector<std::string>& args);
int cmd_track(const std::vector<std::string>& args);
int cmd_diff(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);
int cmd_export(const std::vector<std::string>& args);
int cmd_train(const std::vector<std::string>& args);
int cmd_train_language(const std::vector<std::string>& args);
int cmd_eval_language(const std::vector<std::string>& args);
int cmd_reextract(const std::vector<std::string>& args);

// Prints "claimtrail: error: <message>" on stderr, the message through
// util::printable() (invalid UTF-8 as U+FFFD, control characters escaped).
void print_error(const std::string& message);

}  // namespace claimtrail::cli
