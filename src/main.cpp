#include "cli/cli.hpp"

int main(int argc, char** argv) { return claimtrail::cli::run(argc, argv); }
