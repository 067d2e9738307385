// The store's commands: ingest, claims, sources, source merge, claim fix,
// verdict, track and diff.
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <sstream>

#include "app/ordered_pool.hpp"
#include "article/batch.hpp"
#include "article/dates.hpp"
#include "article/input.hpp"
#include "article/metadata.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "report/store_render.hpp"
#include "store/queries.hpp"
#include "store/store.hpp"
#include "track/track.hpp"
#include "util/printable.hpp"

namespace claimtrail::cli {

using namespace article;  // the Article input type and its readers

namespace {

using IngestFlags = article::Metadata;  // --id, --outlet, ... (byline unused)

// One input read, its metadata decided and its text analysed: the part of
// ingest that runs in the workers. `error` is set for a rejected input.
struct PreparedArticle {
  std::string file;  // the input as shown ("FILE" or "FILE:LINE")
  store::ArticleInput in;
  core::Analysis analysis;
  store::ClaimAnalyses claims;  // its claims' statements, analysed in the worker too
  std::string error;
};

PreparedArticle prepare_item(const extract::Extractor& ex, const InputItem& item, const IngestFlags& flags) {
  PreparedArticle p;
  p.file = util::printable(item.line ? item.path + ":" + std::to_string(item.line) : item.path);
  try {
    const Article article = read_item(item);
    const article::Metadata meta = article::metadata_of(article, p.file, flags);
    p.in = store::article_input(article, meta);
    p.analysis = ex.analyse(p.in.text);
    p.claims = store::analyse_claims(p.in, p.analysis);
  } catch (const core::Error& e) {
    p.error = e.what();
  }
  return p;
}

// Stores a prepared input and prints what happened (the one writer). Throws
// core::Error for a rejected input, store::StoreError when the store fails.
store::IngestResult store_item(store::Store& st, const PreparedArticle& p, bool quiet) {
  if (!p.error.empty()) throw core::Error("", p.error);
  const store::IngestResult r = st.ingest(p.in, p.analysis, &p.claims);
  if (!quiet) {
    if (r.duplicate)
      std::cout << p.file << ": already stored as article " << r.article_id << " (same text): nothing to do\n";
    else
      std::cout << p.file << ": stored as article " << r.article_id << ", " << r.claims << " claims"
                << (r.previous_id ? ", a new version of article " + std::to_string(r.previous_id) + " (same URL)" : "")
                << '\n';
  }
  return r;
}

// An article given as an id in the store, or a file ingested on the fly.
std::int64_t article_arg(store::Store& st, const std::string& arg) {
  if (is_id(arg)) {
    const std::int64_t id = std::stoll(arg);
    if (store::has_article(st, id)) return id;
    throw core::Error("", "no article with id " + arg);
  }
  const extract::Extractor ex;
  return store_item(st, prepare_item(ex, InputItem{arg, 0, 0, 0}, {}), true).article_id;
}

bool parse_id(const std::string& command, const std::string& s, std::int64_t& out) {
  if (!is_id(s)) {
    print_error(command + ": '" + s + "' is not an id (a number)");
    return false;
  }
  out = std::stoll(s);
  return true;
}

// Runs `body` with the store open; maps errors to SPEC exit codes.
template <class F>
int with_store(const std::string& command, const std::string& db, store::Store::Access access, F body) {
  std::unique_ptr<store::Store> st;
  try {
    st = std::make_unique<store::Store>(store_path(db), access);
  } catch (const core::Error& e) {
    print_error(command + ": " + e.what());
    return kExitStore;
  }
  return guarded(command, st->path(), [&] { return body(*st); });
}

}  // namespace

int cmd_ingest(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail ingest FILE... [options]\n\n"
      "Parses articles and stores them with their claims, sources, non-responses\n"
      "and source descriptions, one transaction per article. Metadata comes from\n"
      "the options, a front-matter block (---, key: value lines, ---) and the\n"
      "dateline. The same text twice is stored once; a changed text under the\n"
      "same URL is a new version of the article.\n\noptions");
  IngestFlags flags;
  BatchOptions batch;
  std::string db;
  unsigned jobs = 1;
  opts.add_options()("help,h", "show this help")("outlet", po::value(&flags.outlet), "the outlet (\"Example Wire\")")(
      "url", po::value(&flags.url), "the article's URL")("published", po::value(&flags.published),
                                                         "the publication date, YYYY-MM-DD")(
      "headline", po::value(&flags.headline), "the headline")(
      "id", po::value(&flags.id), "the name to store it under (one input only)")("quiet,q", "print nothing but errors")(
      "jobs,j", po::value(&jobs)->default_value(default_jobs()),
      "threads: N - 1 read and analyse articles, one stores them in order")(
      "input", po::value(&batch.input)->default_value("auto"), "auto (by name and look), text, html or jsonl")(
      "max-record", po::value(&batch.max_record)->default_value(32ull << 20),
      "a JSON line longer than this many bytes is rejected unread");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> files;
  if (auto code = parse_command("ingest", opts, args, vm, &files)) return *code;
  if (files.empty()) {
    print_error("ingest: no input files");
    return kExitUsage;
  }
  if (!flags.id.empty() && files.size() != 1) {
    print_error("ingest: --id needs exactly one input");
    return kExitUsage;
  }
  if (const auto bad = util::find_control(flags.id)) {
    print_error("ingest: --id holds a control character (byte " + std::to_string(*bad) + ")");
    return kExitUsage;
  }
  if (!flags.published.empty() && !article::parse_date(flags.published)) {
    print_error("ingest: --published '" + flags.published + "' is not a date (YYYY-MM-DD)");
    return kExitUsage;
  }
  const bool quiet = vm.count("quiet") > 0;
  return with_store("ingest", db, store::Store::Access::read_write, [&](store::Store& st) {
    const extract::Extractor ex;
    int status = kExitOk;
    const auto items = expand_inputs(files, batch, [&](const std::string& why) {
      print_error("ingest: " + why);
      status = kExitInputRejected;
    });
    std::uint64_t total = 0;
    for (const auto& it : items) total += item_bytes(it);
    Progress progress(total, items.size(), !quiet);
    // --jobs N is N threads: N - 1 workers read and analyse the inputs,
    // this thread alone writes, in the inputs' order (the same store as one
    // at a time). Writing costs about as much as analysing, so two threads
    // already make ingest about 1.6 times as fast.
    const std::function<PreparedArticle(const InputItem&)> prepare = [&](const InputItem& item) {
      return prepare_item(ex, item, flags);
    };
    app::ordered_pool<InputItem, PreparedArticle>(items, jobs > 1 ? jobs - 1 : 0, prepare,
                                                  [&](std::size_t i, PreparedArticle&& p) {
                                                    try {
                                                      store_item(st, p, quiet);
                                                    } catch (const store::StoreError&) {
                                                      throw;
                                                    } catch (const core::Error& e) {
                                                      print_error(std::string("ingest: ") + e.what());
                                                      status = kExitInputRejected;
                                                    }
                                                    progress.advance(item_bytes(items[i]));
                                                  });
    return status;
  });
}

int cmd_claims(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail claims [options]\n\n"
      "Lists the stored claims with their source, tracking status (what later\n"
      "articles did to them) and latest verdict (a fact-checker's ruling).\n\noptions");
  store::ClaimFilter f;
  std::string db, format = "text";
  std::int64_t article = 0;
  opts.add_options()("help,h", "show this help")("article", po::value(&article), "claims of this article id")(
      "source", po::value(&f.source), "whose source's name or text contains this")(
      "category", po::value(&f.category),
      "named_person, named_organization, unnamed_person, unnamed_group, document, unresolved or unattributed")(
      "anonymous", "only claims resting on anonymous sources")(
      "status", po::value(&f.status),
      "tracking status: confirmed, corroborated, updated, contradicted, unaddressed or untracked")(
      "verdict", po::value(&f.verdict), "latest verdict: confirmed, refuted, disputed or unverified")(
      "search", po::value(&f.search), "words the statement contains (full-text search)")(
      "rejected", "include claims rejected as false attributions")(
      "format,f", po::value(&format)->default_value("text"), "text or json");
  add_db_option(opts, db);
  po::variables_map vm;
  if (auto code = parse_command("claims", opts, args, vm, nullptr)) return *code;
  if (!check_format("claims", format)) return kExitUsage;
  if (!f.status.empty() && !store::is_status(f.status)) {
    print_error("claims: unknown --status '" + f.status + "'");
    return kExitUsage;
  }
  if (!f.verdict.empty() && !store::is_verdict(f.verdict)) {
    print_error("claims: unknown --verdict '" + f.verdict + "' (confirmed, refuted, disputed, unverified)");
    return kExitUsage;
  }
  if (vm.count("search") && !store::fts_query(f.search)) {
    // Nothing the index holds: say so, and what was left out, rather than
    // finding nothing (or, for '', everything).
    std::string ignored;
    std::size_t n = 0;
    const auto gap = [&](std::size_t i) {
      const auto c = static_cast<unsigned char>(f.search[i]);
      return c <= ' ' || c == 0x7f;
    };
    for (std::size_t p = 0; p < f.search.size();) {
      if (gap(p)) {
        ++p;
        continue;
      }
      std::size_t e = p;
      while (e < f.search.size() && !gap(e)) ++e;
      std::size_t len = std::min<std::size_t>(e - p, 40);
      while (len < e - p && len > 0 && (static_cast<unsigned char>(f.search[p + len]) & 0xC0) == 0x80) --len;
      if (++n <= 10) ignored += (ignored.empty() ? "" : ", ") + f.search.substr(p, len) + (len < e - p ? "..." : "");
      p = e;
    }
    if (n > 10) ignored += ", ... (" + std::to_string(n) + " in all)";
    print_error(n == 0 ? std::string("claims: --search has no searchable words (it is empty)")
                       : "claims: --search has no searchable words (ignored: " + ignored +
                             "; stop words, numbers and punctuation are not indexed)");
    return kExitUsage;
  }
  if (vm.count("article")) f.article = article;
  f.anonymous_only = vm.count("anonymous") > 0;
  f.include_rejected = vm.count("rejected") > 0;
  return with_store("claims", db, store::Store::Access::read_only, [&](store::Store& st) {
    const auto claims = store::find_claims(st, f);
    // Each claim's evidence, as every command shows it (track::evidence_of).
    std::vector<std::vector<store::EvidenceLink>> evidence;
    for (const auto& c : claims) evidence.push_back(track::evidence_of(st, c.id));
    if (format == "json") {
      auto j = report::claims_json(claims);
      for (std::size_t i = 0; i < claims.size(); ++i) {
        j[i]["evidence"] = nlohmann::json::array();
        for (const auto& e : evidence[i]) j[i]["evidence"].push_back(report::evidence_json(e));
      }
      std::cout << util::dump_json(j, 2) << '\n';
    } else {
      std::cout << report::claims_text(claims, &evidence);
    }
    return kExitOk;
  });
}

int cmd_sources(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail sources [options]\n\n"
      "Lists the sources in the store: a named person or organisation is one\n"
      "source across articles; unnamed sources are one per article.\n\noptions");
  std::string db, format = "text", name, category;
  opts.add_options()("help,h", "show this help")("name", po::value(&name), "whose name contains this")(
      "category", po::value(&category), "of this category")("format,f", po::value(&format)->default_value("text"),
                                                            "text or json");
  add_db_option(opts, db);
  po::variables_map vm;
  if (auto code = parse_command("sources", opts, args, vm, nullptr)) return *code;
  if (!check_format("sources", format)) return kExitUsage;
  return with_store("sources", db, store::Store::Access::read_only, [&](store::Store& st) {
    const auto sources = store::find_sources(st, name, category);
    if (format == "json")
      std::cout << util::dump_json(report::sources_json(sources), 2) << '\n';
    else
      std::cout << report::sources_text(sources);
    return kExitOk;
  });
}

int cmd_source(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail source merge A B [--db PATH]\n\n"
      "Folds source B into source A (one person under two spellings): B's claims\n"
      "become A's. A and B are ids or exact names. Kept in the history.\n\noptions");
  std::string db;
  opts.add_options()("help,h", "show this help");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("source", opts, args, vm, &pos)) return *code;
  if (pos.size() != 3 || pos[0] != "merge") {
    print_error("source: usage: claimtrail source merge A B");
    return kExitUsage;
  }
  return with_store("source merge", db, store::Store::Access::update, [&](store::Store& st) {
    const std::int64_t a = store::resolve_source(st, pos[1]);
    const std::int64_t b = store::resolve_source(st, pos[2]);
    store::merge_sources(st, a, b);
    std::cout << "source " << b << " merged into source " << a << '\n';
    return kExitOk;
  });
}

int cmd_claim(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail claim fix ID [--category C] [--source TEXT] [--reject]\n"
      "       claim show ID [--format json]\n\n"
      "Corrects a claim the parser got wrong (kept in the history), or shows one\n"
      "claim with its verdict history.\n\noptions");
  std::string db, category, source, format = "text";
  opts.add_options()("help,h", "show this help")("category", po::value(&category), "the right source category")(
      "source", po::value(&source), "the right source, as written")("reject", "not an attribution at all")(
      "format,f", po::value(&format)->default_value("text"), "text or json (show)");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("claim", opts, args, vm, &pos)) return *code;
  if (pos.size() != 2 || (pos[0] != "fix" && pos[0] != "show")) {
    print_error("claim: usage: claimtrail claim fix ID [...] | claim show ID");
    return kExitUsage;
  }
  std::int64_t id = 0;
  if (!parse_id("claim", pos[1], id)) return kExitUsage;
  if (pos[0] == "show") {
    if (!check_format("claim show", format)) return kExitUsage;
    return with_store("claim show", db, store::Store::Access::read_only, [&](store::Store& st) {
      const auto c = store::get_claim(st, id);
      if (!c) throw core::Error("", "no claim with id " + std::to_string(id));
      const auto history = store::verdict_history(st, id);
      if (format == "json") {
        auto j = report::claim_json(*c);
        j["verdicts"] = nlohmann::json::array();
        for (const auto& v : history)
          j["verdicts"].push_back(
              {{"verdict", v.verdict}, {"note", v.note}, {"evidence", v.evidence}, {"at", v.created_at}});
        std::cout << util::dump_json(j, 2) << '\n';
      } else {
        std::cout << report::claims_text({*c});
        for (const auto& v : history)
          std::cout << util::printable("  verdict " + v.verdict + " (" + v.created_at + "): " + v.note +
                                       (v.evidence.empty() ? "" : " [" + v.evidence + "]"))
                    << '\n';
      }
      return kExitOk;
    });
  }
  store::ClaimFix fix;
  if (vm.count("category")) fix.category = category;
  if (vm.count("source")) fix.source = source;
  fix.reject = vm.count("reject") > 0;
  if (!fix.category && !fix.source && !fix.reject) {
    print_error("claim fix: nothing to fix (give --category, --source or --reject)");
    return kExitUsage;
  }
  return with_store("claim fix", db, store::Store::Access::update, [&](store::Store& st) {
    store::fix_claim(st, id, fix);
    std::cout << "claim " << id << " corrected\n";
    return kExitOk;
  });
}

int cmd_verdict(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail verdict CLAIM --status S --note TEXT [--evidence URL]\n\n"
      "Records a fact-checker's ruling on a claim, keeping the earlier ones.\n\noptions");
  std::string db, status, note, evidence;
  opts.add_options()("help,h", "show this help")("status", po::value(&status),
                                                 "confirmed, refuted, disputed or unverified")(
      "note", po::value(&note), "why (required)")("evidence", po::value(&evidence), "a URL backing the ruling");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("verdict", opts, args, vm, &pos)) return *code;
  std::int64_t id = 0;
  if (pos.size() != 1) {
    print_error("verdict: give one claim id");
    return kExitUsage;
  }
  if (!parse_id("verdict", pos[0], id)) return kExitUsage;
  if (!store::is_verdict(status)) {
    print_error("verdict: --status must be confirmed, refuted, disputed or unverified");
    return kExitUsage;
  }
  if (note.empty()) {
    print_error("verdict: --note is required");
    return kExitUsage;
  }
  return with_store("verdict", db, store::Store::Access::update, [&](store::Store& st) {
    store::add_verdict(st, id, status, note, evidence);
    std::cout << "claim " << id << ": " << status << '\n';
    return kExitOk;
  });
}

namespace {

int track_or_diff(const std::string& command, const std::vector<std::string>& args) {
  const bool diff = command == "diff";
  po::options_description opts(diff ? "usage: claimtrail diff OLD NEW [options]\n\n"
                                      "Compares an article with a later one: which of OLD's claims NEW confirms\n"
                                      "on the record, corroborates, updates or contradicts, and NEW's new claims.\n"
                                      "OLD and NEW are article ids or files (ingested on the fly).\n\noptions"
                                    : "usage: claimtrail track ARTICLE [options]\n\n"
                                      "Compares an article's claims with every later article in the store and\n"
                                      "gives each claim one status with its evidence. ARTICLE is an id or a file\n"
                                      "(ingested on the fly).\n\noptions");
  std::string db, format = "text";
  opts.add_options()("help,h", "show this help")("format,f", po::value(&format)->default_value("text"), "text or json");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command(command, opts, args, vm, &pos)) return *code;
  if (pos.size() != (diff ? 2u : 1u)) {
    print_error(command + (diff ? ": give OLD and NEW" : ": give one article (an id or a file)"));
    return kExitUsage;
  }
  if (!check_format(command, format)) return kExitUsage;
  return with_store(command, db, store::Store::Access::read_write, [&](store::Store& st) {
    const std::int64_t base = article_arg(st, pos[0]);
    track::Options o;
    if (diff) {
      const std::int64_t later = article_arg(st, pos[1]);
      // A diff reads OLD's claims against NEW: NEW published before OLD is
      // the two given the wrong way round.
      const auto old_a = store::get_article(st, base, false), new_a = store::get_article(st, later, false);
      if (!old_a.published.empty() && !new_a.published.empty() && new_a.published < old_a.published) {
        print_error("diff: NEW (article " + std::to_string(later) + ", published " + new_a.published +
                    ") is older than OLD (article " + std::to_string(base) + ", published " + old_a.published +
                    "); give the earlier article first");
        return kExitUsage;
      }
      o.against = std::vector<std::int64_t>{later};
      o.record = false;  // a comparison: no stored status changes
    }
    const track::Report r = track::track(st, base, o);
    if (format == "json")
      std::cout << util::dump_json(report::track_json(r), 2) << '\n';
    else
      std::cout << report::track_text(r);
    return kExitOk;
  });
}

}  // namespace

int cmd_evidence(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: claimtrail evidence list CLAIM [--format text|json]\n"
      "       claimtrail evidence confirm LINK [--note TEXT] [--by NAME]\n"
      "       claimtrail evidence reject LINK [--note TEXT] [--by NAME]\n\n"
      "The evidence `track` suggested for a claim, and a fact-checker's review of\n"
      "it: a rejected link no longer counts, a confirmed one outranks the\n"
      "suggested ones; the claim's status is decided again at once, and every\n"
      "review is kept (who, when, note). LINK is a link id from `evidence list`.\n\noptions");
  std::string db, note, by, format = "text";
  opts.add_options()("help,h", "show this help")("note", po::value(&note), "why (kept with the review)")(
      "by", po::value(&by), "who reviews (default: $USER)")("format,f", po::value(&format)->default_value("text"),
                                                            "text or json (list)");
  add_db_option(opts, db);
  po::variables_map vm;
  std::vector<std::string> pos;
  if (auto code = parse_command("evidence", opts, args, vm, &pos)) return *code;
  if (pos.size() != 2 || (pos[0] != "list" && pos[0] != "confirm" && pos[0] != "reject")) {
    print_error("evidence: usage: claimtrail evidence list CLAIM | evidence confirm|reject LINK [--note TEXT]");
    return kExitUsage;
  }
  std::int64_t id = 0;
  if (!parse_id("evidence " + pos[0], pos[1], id)) return kExitUsage;
  if (pos[0] == "list") {
    if (!check_format("evidence list", format)) return kExitUsage;
    return with_store("evidence list", db, store::Store::Access::read_only, [&](store::Store& st) {
      const auto c = store::get_claim(st, id);
      if (!c) throw core::Error("", "no claim with id " + std::to_string(id));
      // Every link, rejected ones too, with its history.
      auto shown = track::evidence_of(st, id);
      std::vector<store::EvidenceLink> rejected;
      for (auto& e : store::evidence_links(st, id))
        if (e.review == "rejected") rejected.push_back(std::move(e));
      if (format == "json") {
        auto j = report::claim_json(*c);
        j["evidence"] = nlohmann::json::array();
        for (const auto* list : {&shown, &rejected})
          for (const auto& e : *list) {
            auto ej = report::evidence_json(e);
            ej["claim"] = report::claim_json(e.later);
            ej["reviews"] = nlohmann::json::array();
            for (const auto& r : store::link_reviews(st, e.id))
              ej["reviews"].push_back({{"review", r.review},
                                       {"previous", r.previous},
                                       {"by", r.reviewer},
                                       {"note", r.note},
                                       {"at", r.created_at}});
            j["evidence"].push_back(std::move(ej));
          }
        std::cout << util::dump_json(j, 2) << '\n';
        return kExitOk;
      }
      std::ostringstream out;
      out << "claim " << c->id << " (" << c->doc << "): " << util::shorten(c->text, 100) << "\n  status: " << c->status
          << (c->overdue ? " (overdue)" : "") << '\n';
      if (!c->status_note.empty()) out << "  not judged in full: " << c->status_note << '\n';
      if (shown.empty() && rejected.empty()) out << "  no evidence\n";
      for (const auto* list : {&shown, &rejected})
        for (const auto& e : *list) {
          out << "  link " << e.id << "  " << e.status << "  " << e.review << "  claim #" << e.later.id << " "
              << e.later.doc << (e.later.published.empty() ? "" : " (" + e.later.published + ")")
              << (list == &shown && &e == &shown.front() && e.status != "restated" && e.status != "open" ? "  [decides]"
                                                                                                         : "")
              << "\n      " << util::shorten(e.later.text, 100) << '\n';
          if (!e.old_value.empty() || !e.new_value.empty())
            out << "      was: " << e.old_value << "  now: " << e.new_value << '\n';
          for (const auto& r : store::link_reviews(st, e.id))
            out << "      " << r.created_at << "  " << r.previous << " -> " << r.review << " by " << r.reviewer
                << (r.note.empty() ? "" : ": " + r.note) << '\n';
        }
      std::cout << util::printable(out.str());
      return kExitOk;
    });
  }
  if (by.empty()) {
    const char* user = std::getenv("USER");
    by = user && *user ? user : "unknown";
  }
  const std::string review = pos[0] == "confirm" ? "confirmed" : "rejected";
  return with_store("evidence " + pos[0], db, store::Store::Access::update, [&](store::Store& st) {
    const std::int64_t claim = track::review_evidence(st, id, review, by, note);
    const auto c = store::get_claim(st, claim);
    std::cout << "link " << id << ": " << review << "; claim " << claim << " is now " << (c ? c->status : "?") << '\n';
    return kExitOk;
  });
}

int cmd_track(const std::vector<std::string>& args) { return track_or_diff("track", args); }
int cmd_diff(const std::vector<std::string>& args) { return track_or_diff("diff", args); }

}  // namespace claimtrail::cli
