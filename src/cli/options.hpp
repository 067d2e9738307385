// What every subcommand's option parsing shares: --help, positional
// arguments, usage errors, and the store path (--db, $CLAIMTRAIL_DB,
// ./claimtrail.db).
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace claimtrail::cli {

namespace po = boost::program_options;

// Parses `args` for command `name` into `vm`, positional arguments into
// `positional`. Returns an exit code when the command should stop now: after
// --help (0) or on a usage error (2, with the message printed), which
// includes any option value or argument that is not valid UTF-8
// ("ingest: --outlet is not valid UTF-8 (byte 0)").
std::optional<int> parse_command(const std::string& name, const po::options_description& opts,
                                 const std::vector<std::string>& args, po::variables_map& vm,
                                 std::vector<std::string>* positional);

// Adds --db to `opts`; store_path() reads it back.
void add_db_option(po::options_description& opts, std::string& db);
std::string store_path(const std::string& db_option);

// Runs `body`, turning what it throws into one error line and the SPEC exit
// code: 3 when the store at `store` failed, 1 for a rejected input. When the
// output showed stored text that is not valid UTF-8 (replaced by U+FFFD; a
// store written by an older claimtrail), warns once on stderr.
int guarded(const std::string& command, const std::string& store, const std::function<int()>& body);

// Articles worked on in parallel by default: one per core.
unsigned default_jobs();

// Is `s` a store id: 1 to 18 ASCII digits (so it always fits an int64)?
bool is_id(const std::string& s);

// "text" or "json"; prints a usage error and returns false otherwise.
bool check_format(const std::string& command, const std::string& format);

}  // namespace claimtrail::cli
