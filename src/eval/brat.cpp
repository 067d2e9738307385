#include "eval/brat.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <system_error>

#include "core/error.hpp"
#include "eval/scorer.hpp"
#include "util/file.hpp"
#include "util/file_name.hpp"
#include "util/split.hpp"
#include "util/utf8.hpp"

namespace claimtrail::eval {

namespace {

namespace fs = std::filesystem;

void warn(std::vector<std::string>* warnings, std::string message) {
  if (warnings) warnings->push_back(std::move(message));
}

// Decodes UTF-8, one U+FFFD per byte that does not start a valid sequence.
std::u32string decode_lenient(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto bad = util::find_invalid_utf8(s.substr(i));
    const std::size_t stop = bad ? i + *bad : s.size();
    while (i < stop) {
      std::size_t len = 1;
      out += util::decode_at(s, i, &len);
      i += len;
    }
    if (bad) {
      out += U'\uFFFD';
      ++i;
    }
  }
  return out;
}

std::vector<std::u32string_view> split_on(std::u32string_view s, char32_t sep) { return util::split(s, sep); }

// Python's str.split() without arguments: runs of white space separate, no empty pieces.
std::vector<std::u32string_view> split_ws(std::u32string_view s) {
  std::vector<std::u32string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t from = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > from) out.push_back(s.substr(from, i - from));
  }
  return out;
}

// Python's int() on a piece without white space, for ASCII digits: optional
// sign, digits, single underscores between digits. Saturates far outside any
// text, where normalise() clips anyway.
std::optional<std::int64_t> parse_int(std::u32string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == U'+' || s[i] == U'-')) negative = s[i++] == U'-';
  if (i >= s.size()) return std::nullopt;
  constexpr std::int64_t kCap = std::numeric_limits<std::int64_t>::max() / 16;
  std::int64_t v = 0;
  bool last_digit = false;
  for (; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (c >= U'0' && c <= U'9') {
      v = std::min(kCap, v * 10 + static_cast<std::int64_t>(c - U'0'));
      last_digit = true;
    } else if (c == U'_' && last_digit && i + 1 < s.size()) {
      last_digit = false;
    } else {
      return std::nullopt;
    }
  }
  if (!last_digit) return std::nullopt;
  return negative ? -v : v;
}

// Fragments "S1 E1;S2 E2"; nullopt when any piece is not exactly two integers.
std::optional<Fragments> parse_fragments(std::u32string_view s) {
  Fragments out;
  for (auto piece : split_on(s, U';')) {
    const auto nums = split_ws(piece);
    if (nums.size() != 2) return std::nullopt;
    const auto a = parse_int(nums[0]);
    const auto b = parse_int(nums[1]);
    if (!a || !b) return std::nullopt;
    out.push_back({*a, *b});
  }
  return out;
}

std::string ascii_lower(std::u32string_view s) {
  std::string out = util::to_utf8(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.empty() || name[0] == '.';
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Regular (or linked-to regular) files of `dir` whose names end in `ext` and
// do not start with a dot (what glob("*.ext") finds), sorted by name.
std::vector<fs::path> list_files(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) throw core::Error(dir.string(), "cannot list: " + ec.message());
  for (const auto& entry : it) {
    const std::string name = entry.path().filename().string();
    if (hidden(entry.path()) || !ends_with(name, ext) || name.size() == ext.size()) continue;
    std::error_code fec;
    if (!fs::is_regular_file(entry.path(), fec)) continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return out;
}

std::string file_name(const fs::path& p) { return p.filename().string(); }

}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view utf8) {
  if (util::find_invalid_utf8(utf8)) return std::nullopt;
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 1;
    out += util::decode_at(utf8, i, &len);
    i += len;
  }
  return out;
}

std::vector<Attribution> parse_ann(std::string_view content, std::string_view name,
                                   std::vector<std::string>* warnings) {
  if (const auto bad = util::find_invalid_utf8(content))
    warn(warnings,
         std::string(name) + ": invalid UTF-8 at byte " + std::to_string(*bad) + ", read with replacement characters");
  std::u32string text = decode_lenient(content);
  // A byte-order mark would hide the first T line (the reference keeps it and
  // loses that line; nothing is gained by copying that).
  if (!text.empty() && text[0] == U'\uFEFF') text.erase(0, 1);

  struct Event {
    std::u32string id;
    std::vector<std::pair<std::u32string, std::u32string>> args;  // (role, T id)
  };
  std::map<std::u32string, Fragments, std::less<>> entities;
  std::vector<Event> events;

  std::size_t line_no = 0;
  for (auto line : split_on(text, U'\n')) {
    ++line_no;
    while (!line.empty() && line.back() == U'\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto parts = split_on(line, U'\t');
    if (parts.size() < 2) continue;
    if (line[0] == U'T') {
      const std::size_t sp = parts[1].find(U' ');
      std::optional<Fragments> frags;
      if (sp != std::u32string_view::npos) frags = parse_fragments(parts[1].substr(sp + 1));
      if (!frags) {
        warn(warnings, std::string(name) + ":" + std::to_string(line_no) + ": unparsable T line");
        continue;
      }
      entities[std::u32string(parts[0])] = std::move(*frags);
    } else if (line[0] == U'E') {
      Event ev{std::u32string(parts[0]), {}};
      for (auto arg : split_ws(parts[1])) {
        const std::size_t colon = arg.find(U':');
        if (colon == std::u32string_view::npos) continue;
        auto role = arg.substr(0, colon);
        while (!role.empty() && role.back() >= U'0' && role.back() <= U'9') role.remove_suffix(1);
        ev.args.emplace_back(std::u32string(role), std::u32string(arg.substr(colon + 1)));
      }
      events.push_back(std::move(ev));
    }
    // Other lines (#notes, A/R/N lines, continuation lines of multi-line span
    // texts) carry nothing needed: the offsets are authoritative.
  }

  std::vector<Attribution> out;
  out.reserve(events.size());
  for (const auto& ev : events) {
    Attribution att;
    att.id = util::to_utf8(ev.id);
    for (const auto& [role, tid] : ev.args) {
      const std::string r = ascii_lower(role);
      Fragments* target = r == "cue" ? &att.cue : r == "source" ? &att.source : r == "content" ? &att.content : nullptr;
      if (!target) continue;  // the Attribution trigger, or a role we do not know
      const auto it = entities.find(tid);
      if (it == entities.end()) {
        warn(warnings, std::string(name) + ": " + att.id + " refers to missing " + util::to_utf8(tid));
        continue;
      }
      target->insert(target->end(), it->second.begin(), it->second.end());
    }
    out.push_back(std::move(att));
  }
  return out;
}

Split read_split(const fs::path& dir) {
  const fs::path text_dir = dir / "text";
  const fs::path ann_dir = dir / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec))
    throw core::Error(dir.string(), "not a PolNeAR-style directory (needs text/ and attributions/ subdirectories)");

  // Article name -> its first .ann by file name ("NAME_ANNOT.ann").
  std::map<std::string, fs::path> first_ann;
  for (const auto& p : list_files(ann_dir, ".ann")) {
    const std::string base = file_name(p).substr(0, file_name(p).size() - 4);
    const std::size_t us = base.rfind('_');
    if (us == std::string::npos) continue;
    first_ann.emplace(base.substr(0, us), p);  // sorted listing: the first one stays
  }

  Split split;
  for (const auto& p : list_files(text_dir, ".txt")) {
    Document doc;
    doc.name = file_name(p).substr(0, file_name(p).size() - 4);
    doc.text_path = p;
    try {
      doc.utf8 = util::read_input(p.string());
    } catch (const core::Error& e) {
      split.rejected.push_back(e.what());
      continue;
    }
    if (const auto bad = util::find_invalid_utf8(doc.utf8)) {
      split.rejected.push_back(p.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
      continue;
    }
    doc.text = *decode_utf8(doc.utf8);
    if (const auto it = first_ann.find(doc.name); it != first_ann.end()) {
      std::string ann;
      try {
        ann = util::read_input(it->second.string());
      } catch (const core::Error& e) {
        split.rejected.push_back(e.what());
        continue;
      }
      doc.ann_path = it->second;
      doc.attributions = parse_ann(ann, file_name(it->second), &split.warnings);
    } else {
      split.warnings.push_back(doc.name + ": no .ann file, treated as having no attributions");
    }
    split.documents.push_back(std::move(doc));
  }
  return split;
}

std::string format_ann(const std::vector<Attribution>& attributions, std::u32string_view text) {
  const auto n = static_cast<std::int64_t>(text.size());
  auto clip = [n](const Fragments& frags) {
    Fragments out;
    for (auto f : frags) {
      f.start = std::clamp<std::int64_t>(f.start, 0, n);
      f.end = std::clamp<std::int64_t>(f.end, 0, n);
      if (f.start < f.end) out.push_back(f);
    }
    return out;
  };
  std::string out;
  int t = 0;
  int e = 0;
  auto t_line = [&](std::string_view type, const Fragments& frags) {
    const std::string id = "T" + std::to_string(++t);
    out += id + "\t" + std::string(type) + " ";
    std::u32string covered;
    for (std::size_t i = 0; i < frags.size(); ++i) {
      if (i) {
        out += ';';
        covered += U' ';
      }
      out += std::to_string(frags[i].start) + " " + std::to_string(frags[i].end);
      covered += text.substr(static_cast<std::size_t>(frags[i].start),
                             static_cast<std::size_t>(frags[i].end - frags[i].start));
    }
    for (char32_t& c : covered)
      if (c == U'\t' || c == U'\n' || c == U'\r') c = U' ';
    out += "\t" + util::to_utf8(covered) + "\n";
    return id;
  };
  for (const auto& a : attributions) {
    const Fragments source = clip(a.source);
    const Fragments cue = clip(a.cue);
    const Fragments content = clip(a.content);
    const Fragments& trigger = !cue.empty() ? cue : !content.empty() ? content : source;
    if (trigger.empty()) continue;
    std::string args;
    if (!source.empty()) args += " Source:" + t_line("Source", source);
    if (!cue.empty()) args += " Cue:" + t_line("Cue", cue);
    if (!content.empty()) args += " Content:" + t_line("Content", content);
    const std::string trig = t_line(source.empty() ? "Attribution-no-source" : "Attribution", trigger);
    out += "E" + std::to_string(++e) + "\tAttribution:" + trig + args + "\n";
  }
  return out;
}

void write_document(const fs::path& dir, std::string_view name, std::string_view utf8,
                    const std::vector<Attribution>& attributions, std::string_view annotator) {
  if (!util::is_safe_file_stem(name))
    throw core::Error(std::string(name), "not a safe file name (see util::safe_file_stem)");
  const auto text = decode_utf8(utf8);
  if (!text) throw core::Error(std::string(name), "text is not valid UTF-8");
  auto write = [](const fs::path& p, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) throw core::Error(p.parent_path().string(), "cannot create: " + ec.message());
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw core::Error(p.string(), std::string("cannot write: ") + std::strerror(errno));
  };
  const std::string base(name);
  write(dir / "text" / (base + ".txt"), utf8);
  write(dir / "attributions" / (base + "_" + std::string(annotator) + ".ann"), format_ann(attributions, *text));
}

}  // namespace claimtrail::eval
