#include "cli/options.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <thread>

#include "cli/cli.hpp"
#include "core/error.hpp"
#include "store/store.hpp"
#include "util/printable.hpp"
#include "util/utf8.hpp"

namespace claimtrail::cli {

std::optional<int> parse_command(const std::string& name, const po::options_description& opts,
                                 const std::vector<std::string>& args, po::variables_map& vm,
                                 std::vector<std::string>* positional) {
  po::options_description hidden;
  std::vector<std::string> rest;
  hidden.add_options()("positional", po::value(&rest));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("positional", -1);
  try {
    auto parser = po::command_line_parser(args).options(all);
    if (positional) parser.positional(pos);
    po::store(parser.run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_error(name + ": " + e.what());
    return kExitUsage;
  }
  // Every string from the command line is UTF-8 (it may be stored, and is
  // shown): checked here, once, for every option and argument.
  for (const auto& [key, value] : vm) {
    std::vector<std::string> strings;
    if (const auto* s = boost::any_cast<std::string>(&value.value()))
      strings.push_back(*s);
    else if (const auto* v = boost::any_cast<std::vector<std::string>>(&value.value()))
      strings = *v;
    for (std::size_t i = 0; i < strings.size(); ++i)
      if (const auto bad = util::find_invalid_utf8(strings[i])) {
        print_error(name + ": " + (key == "positional" ? "argument " + std::to_string(i + 1) : "--" + key) +
                    " is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
        return kExitUsage;
      }
  }
  if (vm.count("help")) {
    std::cout << opts << '\n';
    return kExitOk;
  }
  if (positional) *positional = rest;
  return std::nullopt;
}

void add_db_option(po::options_description& opts, std::string& db) {
  opts.add_options()("db", po::value(&db), "the store (default: $CLAIMTRAIL_DB, else ./claimtrail.db)");
}

std::string store_path(const std::string& db_option) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("CLAIMTRAIL_DB"); env && *env) return env;
  return "claimtrail.db";
}

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

bool is_id(const std::string& s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool check_format(const std::string& command, const std::string& format) {
  if (format == "text" || format == "json") return true;
  print_error(command + ": unknown --format '" + format + "' (text or json)");
  return false;
}

int guarded(const std::string& command, const std::string& store, const std::function<int()>& body) {
  try {
    const int code = body();
    if (util::replaced_invalid_utf8())
      std::cerr << "claimtrail: warning: " << util::printable(store)
                << ": stored text is not valid UTF-8; shown with replacement characters" << std::endl;
    return code;
  } catch (const store::StoreError& e) {
    print_error(command + ": " + e.what());
    return kExitStore;
  } catch (const core::Error& e) {
    print_error(command + ": " + e.what());
    return kExitInputRejected;
  } catch (const std::exception& e) {
    const auto why = store::describe_store_failure(e);
    if (!why) throw;
    print_error(command + ": " + store + ": " + *why);
    return kExitStore;
  }
}

}  // namespace claimtrail::cli
