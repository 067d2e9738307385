// gen_lexical: builds the lexical tables of src/language/lexical.cpp from the
// Debian packages made for them, at build time.
//
//   gen_lexical WORDNET_DIR ISO_CODES_JSON_DIR ISO_3166_2_EN_MO OUTPUT
//
// WORDNET_DIR holds WordNet 3.0's database (Debian wordnet-base:
// /usr/share/wordnet): index.noun, index.verb, data.noun, data.verb,
// noun.exc, verb.exc. ISO_CODES_JSON_DIR holds iso-codes' iso_3166-1.json,
// iso_3166-2.json and iso_3166-3.json; ISO_3166_2_EN_MO is iso-codes' English
// catalogue of subdivision names (Bayern -> Bavaria).
//
// OUTPUT is one text file, the same bytes for the same inputs (every section
// sorted by key, no dates). Its format, read by src/language/lexical.cpp:
//
//   claimtrail-lexical 1
//   @noun N       N lines: lemma TAB first-class TAB classes TAB flags
//   @verb N       N lines: lemma TAB first-class TAB classes
//   @noun.exc N   N lines: form TAB lemma [TAB lemma...]
//   @verb.exc N   N lines: form TAB lemma [TAB lemma...]
//   @place N      N lines: key TAB kind TAB code TAB name
//   @sense N      N lines: word TAB ids
//
// A class is a letter, 'a' + the class's position among the noun (or verb)
// lexicographer files of WordNet (lexnames(5WN)); classes is a hexadecimal
// bitmask over the same positions; flags is a hexadecimal number whose low
// digit says which kinds some sense of the lemma has and whose high digit
// says which the first sense has (1 person, 2 organisation, 4 place,
// 8 document: a hypernym path to the roots below). Lemmas are lowercase,
// with spaces for WordNet's underscores. Every lemma and exception of
// WordNet is written, none left out. A place's key is its name with ASCII
// letters lowercased; kind is C (country, current or former) or S
// (subdivision); code is the alpha-2 code of the country. The sense rows are
// the one-word lemmas of nouns and verbs of at most kMostSenses senses with
// what they can mean, for telling
// two words of one meaning: the synsets of the lemma's first kSenses senses
// as a noun and as a verb, and the nouns derived from those verb senses
// (WordNet's '+' pointers: "employ" -> "employee", "demolish" ->
// "demolition"); ids are comma-separated, base 36, numbering the synsets
// written (nouns, then verbs, each by offset) from 0.
//
// It also prints, on standard output, the root synsets it chose and the
// size of each table.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Offset = std::uint32_t;

constexpr int kFirstNounFile = 3;   // noun.Tops
constexpr int kNounFiles = 26;      // noun.Tops .. noun.time
constexpr int kFirstVerbFile = 29;  // verb.body
constexpr int kVerbFiles = 15;      // verb.body .. verb.weather

enum Flag : unsigned { kPerson = 1, kOrganisation = 2, kPlace = 4, kDocument = 8 };

[[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.front() != ' ') out.push_back(line);  // WordNet's licence header starts with spaces
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

unsigned long number(std::string_view s, int base, const std::string& where) {
  const std::string text(s);
  char* end = nullptr;
  const unsigned long v = std::strtoul(text.c_str(), &end, base);
  if (text.empty() || *end != '\0') fail(where + ": not a number: " + text);
  return v;
}

// WordNet spelling -> ours: underscores become spaces, letters lowercase.
std::string lemma_of(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c == '_') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

constexpr std::size_t kSenses = 2;  // the senses of a lemma that say what it means, most frequent first
// A lemma of more senses than this ("go", "make", "take", "keep") means too
// much to stand for another word: it has no sense row (as that noun or verb).
constexpr std::size_t kMostSenses = 20;

struct Synset {
  int file = 0;                 // lex_filenum
  std::vector<Offset> up;       // hypernyms, '@' and '@i'
  std::vector<Offset> derived;  // nouns derivationally related ('+' to a noun)
  unsigned flags = 0;           // computed
  bool done = false, busy = false;
};

// data.noun or data.verb: offset -> synset.
std::unordered_map<Offset, Synset> read_data(const std::string& path) {
  const std::string text = slurp(path);
  std::unordered_map<Offset, Synset> out;
  for (const auto line : lines_of(text)) {
    const auto f = fields_of(line.substr(0, line.find(" | ")));
    if (f.size() < 4) fail(path + ": short line");
    Synset s;
    s.file = static_cast<int>(number(f[1], 10, path));
    const std::size_t words = number(f[3], 16, path);
    std::size_t i = 4 + 2 * words;
    if (i >= f.size()) fail(path + ": short line");
    const std::size_t pointers = number(f[i++], 10, path);
    if (i + 4 * pointers > f.size()) fail(path + ": short line");
    for (std::size_t p = 0; p < pointers; ++p, i += 4)
      if (f[i] == "@" || f[i] == "@i")
        s.up.push_back(static_cast<Offset>(number(f[i + 1], 10, path)));
      else if (f[i] == "+" && f[i + 2] == "n")
        s.derived.push_back(static_cast<Offset>(number(f[i + 1], 10, path)));
    out.emplace(static_cast<Offset>(number(f[0], 10, path)), std::move(s));
  }
  return out;
}

// index.noun or index.verb: lemma -> its synsets, most frequent sense first.
std::map<std::string, std::vector<Offset>> read_index(const std::string& path) {
  const std::string text = slurp(path);
  std::map<std::string, std::vector<Offset>> out;
  for (const auto line : lines_of(text)) {
    const auto f = fields_of(line);
    if (f.size() < 4) fail(path + ": short line");
    const std::size_t senses = number(f[2], 10, path);
    const std::size_t pointers = number(f[3], 10, path);
    const std::size_t first = 4 + pointers + 2;
    if (first + senses != f.size()) fail(path + ": bad line for " + std::string(f[0]));
    std::vector<Offset> offsets;
    for (std::size_t i = first; i < f.size(); ++i) offsets.push_back(static_cast<Offset>(number(f[i], 10, path)));
    out.emplace(lemma_of(f[0]), std::move(offsets));
  }
  return out;
}

// noun.exc or verb.exc: inflected form -> its base forms, in the file's
// order (a form may have several, on one line or on several).
std::map<std::string, std::vector<std::string>> read_exceptions(const std::string& path) {
  const std::string text = slurp(path);
  std::map<std::string, std::vector<std::string>> out;
  for (const auto line : lines_of(text)) {
    const auto f = fields_of(line);
    if (f.size() < 2) fail(path + ": short line");
    auto& bases = out[lemma_of(f[0])];
    for (std::size_t i = 1; i < f.size(); ++i)
      if (std::find(bases.begin(), bases.end(), lemma_of(f[i])) == bases.end()) bases.push_back(lemma_of(f[i]));
  }
  return out;
}

// A synset's flags: its own (a root's) and those of every synset above it.
unsigned flags_of(Offset offset, std::unordered_map<Offset, Synset>& synsets) {
  const auto it = synsets.find(offset);
  if (it == synsets.end()) fail("data.noun: a pointer to a missing synset " + std::to_string(offset));
  Synset& s = it->second;                // no insertions below, so the reference stays valid
  if (s.done || s.busy) return s.flags;  // busy: a cycle (WordNet has none); stop there
  s.busy = true;
  for (const Offset up : s.up) s.flags |= flags_of(up, synsets);
  s.done = true;
  s.busy = false;
  return s.flags;
}

// The roots: a lemma's nth sense, which must be in the lexicographer file
// named (so that a change of WordNet fails here, not silently).
struct Root {
  const char* lemma;
  int sense;  // 1-based
  int file;
  Flag flag;
};
constexpr int kTops = 3, kArtifact = 6, kCommunication = 10, kGroup = 14, kLocation = 15;
constexpr Root kRoots[] = {
    {"person", 1, kTops, kPerson},
    {"organization", 1, kGroup, kOrganisation},
    {"social group", 1, kGroup, kOrganisation},
    {"government", 1, kGroup, kOrganisation},
    {"body", 2, kGroup, kOrganisation},
    {"administrative unit", 1, kGroup, kOrganisation},
    {"location", 1, kTops, kPlace},
    {"region", 1, kLocation, kPlace},
    {"country", 2, kLocation, kPlace},
    {"document", 1, kCommunication, kDocument},
    {"document", 2, kArtifact, kDocument},
    {"written communication", 1, kCommunication, kDocument},
    {"written record", 1, kCommunication, kDocument},  // memo, note, minutes
    {"submission", 1, kCommunication, kDocument},      // filing
};

std::string hex(unsigned long v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%lx", v);
  return buf;
}

// A GNU gettext catalogue (.mo): original -> translation.
std::map<std::string, std::string> read_mo(const std::string& path) {
  const std::string b = slurp(path);
  const auto u32 = [&](std::size_t at) {
    if (at + 4 > b.size()) fail(path + ": truncated");
    std::uint32_t v;
    std::memcpy(&v, b.data() + at, 4);
    return v;
  };
  if (u32(0) != 0x950412deU) fail(path + ": not a little-endian .mo file");
  const std::uint32_t n = u32(8), originals = u32(12), translations = u32(16);
  const auto str = [&](std::uint32_t table, std::uint32_t i) {
    const std::uint32_t len = u32(table + 8 * i), at = u32(table + 8 * i + 4);
    if (std::size_t{at} + len > b.size()) fail(path + ": truncated");
    return b.substr(at, len);
  };
  std::map<std::string, std::string> out;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string from = str(originals, i);
    if (from.empty() || from.find('\0') != std::string::npos) continue;  // the header; plural forms
    out.emplace(std::move(from), str(translations, i));
  }
  return out;
}

std::string place_key(const std::string& name) {
  std::string out = name;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

struct Place {
  int rank;  // 0 current country, 1 former country, 2 subdivision: the lower wins a shared name
  std::string code;
  std::string subdivision;  // the subdivision's code, to break ties
  std::string name;
};

void add_place(std::map<std::string, Place>& places, const std::string& name, Place p) {
  if (name.empty() || name.find_first_of("\t\n") != std::string::npos) return;
  p.name = name;
  const std::string key = place_key(name);
  const auto it = places.find(key);
  if (it == places.end()) {
    places.emplace(key, std::move(p));
  } else if (std::tie(p.rank, p.code, p.subdivision, p.name) <
             std::tie(it->second.rank, it->second.code, it->second.subdivision, it->second.name)) {
    it->second = std::move(p);
  }
}

std::map<std::string, Place> read_places(const std::string& json_dir, const std::string& mo_path) {
  using nlohmann::json;
  const auto load = [&](const std::string& file) { return json::parse(slurp(json_dir + "/" + file)); };
  std::map<std::string, Place> places;
  // Each document in a variable: a range-for over a member of a temporary would dangle.
  const json countries = load("iso_3166-1.json"), former = load("iso_3166-3.json"), subs = load("iso_3166-2.json");
  for (const auto& c : countries.at("3166-1")) {
    const auto code = c.at("alpha_2").get<std::string>();
    for (const char* field : {"name", "common_name", "official_name"})
      if (c.contains(field)) add_place(places, c.at(field).get<std::string>(), {0, code, "", ""});
  }
  for (const auto& c : former.at("3166-3")) {
    const auto code = c.at("alpha_2").get<std::string>();
    for (const char* field : {"name", "common_name", "official_name"})
      if (c.contains(field)) add_place(places, c.at(field).get<std::string>(), {1, code, "", ""});
  }
  const auto english = read_mo(mo_path);
  for (const auto& s : subs.at("3166-2")) {
    const auto sub = s.at("code").get<std::string>();
    const std::string code = sub.substr(0, sub.find('-'));
    const auto name = s.at("name").get<std::string>();
    add_place(places, name, {2, code, sub, ""});
    if (const auto it = english.find(name); it != english.end()) add_place(places, it->second, {2, code, sub, ""});
  }
  return places;
}

int run(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: gen_lexical WORDNET_DIR ISO_CODES_JSON_DIR ISO_3166_2_EN_MO OUTPUT\n";
    return 2;
  }
  const std::string wn = argv[1];
  auto nouns = read_data(wn + "/data.noun");
  const auto verbs = read_data(wn + "/data.verb");
  const auto noun_index = read_index(wn + "/index.noun");
  const auto verb_index = read_index(wn + "/index.verb");

  for (const Root& r : kRoots) {
    const auto it = noun_index.find(r.lemma);
    if (it == noun_index.end() || static_cast<int>(it->second.size()) < r.sense)
      fail(std::string("no root synset ") + r.lemma + " n#" + std::to_string(r.sense));
    const Offset offset = it->second[r.sense - 1];
    Synset& s = nouns.at(offset);
    if (s.file != r.file)
      fail(std::string("root ") + r.lemma + " n#" + std::to_string(r.sense) + " is in lexicographer file " +
           std::to_string(s.file) + ", not " + std::to_string(r.file));
    s.flags |= r.flag;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08u", offset);
    std::cout << "gen_lexical: root " << r.lemma << " n#" << r.sense << " = " << buf << " (flag " << r.flag << ")\n";
  }
  // The roots' flags first, then every synset's through its hypernyms.
  std::vector<Offset> offsets;
  for (const auto& [offset, s] : nouns) offsets.push_back(offset);
  std::sort(offsets.begin(), offsets.end());
  for (const Offset o : offsets) flags_of(o, nouns);

  std::string out = "claimtrail-lexical 1\n";
  out += "@noun " + std::to_string(noun_index.size()) + "\n";
  for (const auto& [lemma, senses] : noun_index) {
    unsigned long classes = 0;
    unsigned flags = 0;
    for (const Offset o : senses) {
      const Synset& s = nouns.at(o);
      if (s.file < kFirstNounFile || s.file >= kFirstNounFile + kNounFiles) fail("a noun outside the noun files");
      classes |= 1UL << (s.file - kFirstNounFile);
      flags |= s.flags;
    }
    out += lemma + '\t' + static_cast<char>('a' + nouns.at(senses.front()).file - kFirstNounFile) + '\t' +
           hex(classes) + '\t' + hex(flags | nouns.at(senses.front()).flags << 4) + '\n';
  }
  out += "@verb " + std::to_string(verb_index.size()) + "\n";
  for (const auto& [lemma, senses] : verb_index) {
    unsigned long classes = 0;
    for (const Offset o : senses) {
      const Synset& s = verbs.at(o);
      if (s.file < kFirstVerbFile || s.file >= kFirstVerbFile + kVerbFiles) fail("a verb outside the verb files");
      classes |= 1UL << (s.file - kFirstVerbFile);
    }
    out += lemma + '\t' + static_cast<char>('a' + verbs.at(senses.front()).file - kFirstVerbFile) + '\t' +
           hex(classes) + '\n';
  }
  for (const char* pos : {"noun", "verb"}) {
    const auto exc = read_exceptions(wn + "/" + pos + ".exc");
    out += std::string("@") + pos + ".exc " + std::to_string(exc.size()) + "\n";
    for (const auto& [form, bases] : exc) {
      out += form;
      for (const auto& base : bases) out += '\t' + base;
      out += '\n';
    }
    std::cout << "gen_lexical: " << exc.size() << " " << pos << " exceptions\n";
  }
  const auto places = read_places(argv[2], argv[3]);
  out += "@place " + std::to_string(places.size()) + "\n";
  for (const auto& [key, p] : places)
    out += key + '\t' + (p.rank < 2 ? 'C' : 'S') + '\t' + p.code + '\t' + p.name + '\n';

  // Senses: (0, noun offset) and (1, verb offset), numbered in that order.
  std::map<std::string, std::set<std::pair<int, Offset>>> senses;
  for (const auto& [lemma, offsets] : noun_index)
    if (lemma.find(' ') == std::string::npos && offsets.size() <= kMostSenses)
      for (std::size_t k = 0; k < std::min(kSenses, offsets.size()); ++k) senses[lemma].insert({0, offsets[k]});
  for (const auto& [lemma, offsets] : verb_index) {
    if (lemma.find(' ') != std::string::npos || offsets.size() > kMostSenses) continue;
    for (std::size_t k = 0; k < std::min(kSenses, offsets.size()); ++k) {
      senses[lemma].insert({1, offsets[k]});
      for (const Offset d : verbs.at(offsets[k]).derived) senses[lemma].insert({0, d});
    }
  }
  std::map<std::pair<int, Offset>, unsigned long> ids;
  for (const auto& [lemma, set] : senses)
    for (const auto& key : set) ids.emplace(key, 0);
  unsigned long next_id = 0;
  for (auto& [key, id] : ids) id = next_id++;
  auto base36 = [](unsigned long v) {
    std::string d;
    do {
      const auto r = static_cast<int>(v % 36);
      d.push_back(static_cast<char>(r < 10 ? '0' + r : 'a' + r - 10));
      v /= 36;
    } while (v);
    return std::string(d.rbegin(), d.rend());
  };
  out += "@sense " + std::to_string(senses.size()) + "\n";
  for (const auto& [lemma, set] : senses) {
    std::vector<unsigned long> row;
    for (const auto& key : set) row.push_back(ids.at(key));
    std::sort(row.begin(), row.end());
    out += lemma + '\t';
    for (std::size_t k = 0; k < row.size(); ++k) out += (k ? "," : "") + base36(row[k]);
    out += '\n';
  }
  std::cout << "gen_lexical: " << senses.size() << " words with senses, " << ids.size() << " synsets\n";

  std::cout << "gen_lexical: " << noun_index.size() << " nouns, " << verb_index.size() << " verbs, " << places.size()
            << " place names, " << out.size() << " bytes\n";
  const std::string path = argv[4];
  std::ofstream file(path + ".tmp", std::ios::binary);
  file << out;
  file.close();
  if (!file || std::rename((path + ".tmp").c_str(), path.c_str()) != 0) fail("cannot write " + path);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "gen_lexical: error: " << e.what() << "\n";
    return 1;
  }
}
