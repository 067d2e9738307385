#include "cli/cli.hpp"

namespace claimtrail::cli {
int cmd_extract(const std::vector<std::string>&) {
  print_error("extract: not built yet");
  return kExitUsage;
}
}  // namespace claimtrail::cli
