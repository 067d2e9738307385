#include "cli/cli.hpp"

namespace claimtrail::cli {
int cmd_eval(const std::vector<std::string>&) {
  print_error("eval: not built yet");
  return kExitUsage;
}
}  // namespace claimtrail::cli
