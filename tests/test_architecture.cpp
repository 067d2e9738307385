// The house rules of ARCHITECTURE.md, checked on the source tree: every
// #include between rooms of src/ points down the declared order (so there is
// no folder loop), every room is a folder the order knows, SQL is written only
// in src/store/, and only src/store/ includes SQLiteCpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testutil.hpp"

namespace fs = std::filesystem;

namespace {

// The rooms, lowest first: a room may include its own headers and those of
// the rooms before it, never those after it. Keep in step with ARCHITECTURE.md.
constexpr std::array<std::string_view, 15> kRooms = {"core",  "util",  "text",     "html",    "article",
                                                     "eval",  "learn", "language", "extract", "match",
                                                     "store", "track", "report",   "app",     "cli"};

int rank_of(std::string_view room) {
  const auto it = std::find(kRooms.begin(), kRooms.end(), room);
  return it == kRooms.end() ? -1 : static_cast<int>(it - kRooms.begin());
}

struct Source {
  fs::path path;     // relative to src/
  std::string room;  // its folder ("" for src/main.cpp)
  std::string text;
};

std::vector<Source> sources() {
  const fs::path src = claimtrail::testutil::source_dir() / "src";
  std::vector<Source> out;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".in")) continue;
    const fs::path rel = fs::relative(e.path(), src);
    const std::string room = rel.has_parent_path() ? rel.begin()->string() : "";
    out.push_back({rel, room, claimtrail::testutil::slurp(e.path())});
  }
  std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) { return a.path < b.path; });
  return out;
}

// The project headers a file includes: "room/name.hpp" -> room.
std::vector<std::string> included_rooms(const std::string& text) {
  static const std::regex include(R"(^\s*#\s*include\s+"([a-z_]+)/[^"]+")");
  std::vector<std::string> rooms;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, include)) rooms.push_back(m[1]);
  }
  return rooms;
}

// The C++ string literals of a file (comments left out), for the SQL rule.
std::vector<std::string> string_literals(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) break;
      ++i;
    } else if (text.compare(i, 3, "R\"(") == 0) {
      const std::size_t end = text.find(")\"", i + 3);
      if (end == std::string::npos) break;
      out.push_back(text.substr(i + 3, end - i - 3));
      i = end + 1;
    } else if (text[i] == '\'') {
      // A character literal ('"' must not open a string).
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != '\'') j += text[j] == '\\' ? 2 : 1;
      i = j;
    } else if (text[i] == '"') {
      std::size_t j = i + 1;
      std::string lit;
      while (j < text.size() && text[j] != '"') {
        if (text[j] == '\\' && j + 1 < text.size()) lit += text[j++];
        lit += text[j++];
      }
      out.push_back(lit);
      i = j;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("architecture: every room is a folder the declared order knows") {
  std::set<std::string> seen;
  for (const auto& s : sources())
    if (!s.room.empty()) seen.insert(s.room);
  for (const auto& room : seen) {
    INFO("src/" << room << "/ is not a room of ARCHITECTURE.md");
    CHECK(rank_of(room) >= 0);
  }
}

TEST_CASE("architecture: every #include points down the declared order (no folder loops)") {
  int checked = 0;
  for (const auto& s : sources()) {
    if (s.room.empty()) continue;  // src/main.cpp: the program, above every room
    const int own = rank_of(s.room);
    for (const auto& to : included_rooms(s.text)) {
      const int target = rank_of(to);
      INFO(s.path.string() << " includes a header of " << to << "/");
      CHECK(target >= 0);
      CHECK(target <= own);
      ++checked;
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("architecture: SQL is written only in src/store/, and only it includes SQLiteCpp") {
  static const std::regex sql(
      R"(\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIRTUAL)|PRAGMA\s|BEGIN\s+(IMMEDIATE|TRANSACTION)|COMMIT\b))");
  for (const auto& s : sources()) {
    if (s.room == "store") continue;
    for (const auto& lit : string_literals(s.text)) {
      INFO(s.path.string() << " has SQL in a string: " << lit.substr(0, 80));
      CHECK_FALSE(std::regex_search(lit, sql));
    }
    INFO(s.path.string() << " includes SQLiteCpp");
    CHECK(s.text.find("SQLiteCpp/") == std::string::npos);
    CHECK(s.text.find("SQLite::") == std::string::npos);
  }
}

TEST_CASE("architecture: the string-literal reader sees strings, not comments or character literals") {
  const auto lits =
      string_literals("// \"SELECT 1\"\nint c = '\"'; auto s = \"a\\\"b\"; /* \"x\" */ auto r = R\"(SELECT y)\";");
  REQUIRE(lits.size() == 2);
  CHECK(lits[0] == "a\\\"b");
  CHECK(lits[1] == "SELECT y");
}
