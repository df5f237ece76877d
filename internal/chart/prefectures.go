package chart

// prefecture is one tile of the tile grid map: JIS X 0401 code, full and
// short name, and its column and row.
type prefecture struct {
	code     int
	name     string
	short    string
	col, row int
}

// Tile grid: 13 columns by 11 rows, north-east at top right. Each
// prefecture keeps its neighbours roughly where they are on the map.
const (
	tileCols = 13
	tileRows = 11
)

// prefectures is indexed by JIS code - 1.
var prefectures = [47]prefecture{
	{1, "北海道", "北海道", 12, 0},
	{2, "青森県", "青森", 12, 1},
	{3, "岩手県", "岩手", 12, 2},
	{4, "宮城県", "宮城", 12, 3},
	{5, "秋田県", "秋田", 11, 2},
	{6, "山形県", "山形", 11, 3},
	{7, "福島県", "福島", 11, 4},
	{8, "茨城県", "茨城", 12, 5},
	{9, "栃木県", "栃木", 11, 5},
	{10, "群馬県", "群馬", 10, 5},
	{11, "埼玉県", "埼玉", 10, 6},
	{12, "千葉県", "千葉", 11, 6},
	{13, "東京都", "東京", 10, 7},
	{14, "神奈川県", "神奈川", 9, 7},
	{15, "新潟県", "新潟", 10, 4},
	{16, "富山県", "富山", 9, 4},
	{17, "石川県", "石川", 8, 4},
	{18, "福井県", "福井", 7, 4},
	{19, "山梨県", "山梨", 9, 6},
	{20, "長野県", "長野", 9, 5},
	{21, "岐阜県", "岐阜", 8, 5},
	{22, "静岡県", "静岡", 8, 7},
	{23, "愛知県", "愛知", 8, 6},
	{24, "三重県", "三重", 7, 6},
	{25, "滋賀県", "滋賀", 7, 5},
	{26, "京都府", "京都", 6, 5},
	{27, "大阪府", "大阪", 5, 6},
	{28, "兵庫県", "兵庫", 5, 5},
	{29, "奈良県", "奈良", 6, 6},
	{30, "和歌山県", "和歌山", 5, 7},
	{31, "鳥取県", "鳥取", 4, 5},
	{32, "島根県", "島根", 3, 5},
	{33, "岡山県", "岡山", 4, 6},
	{34, "広島県", "広島", 3, 6},
	{35, "山口県", "山口", 2, 6},
	{36, "徳島県", "徳島", 4, 8},
	{37, "香川県", "香川", 4, 7},
	{38, "愛媛県", "愛媛", 3, 7},
	{39, "高知県", "高知", 3, 8},
	{40, "福岡県", "福岡", 2, 7},
	{41, "佐賀県", "佐賀", 1, 7},
	{42, "長崎県", "長崎", 0, 7},
	{43, "熊本県", "熊本", 1, 8},
	{44, "大分県", "大分", 2, 8},
	{45, "宮崎県", "宮崎", 2, 9},
	{46, "鹿児島県", "鹿児島", 1, 9},
	{47, "沖縄県", "沖縄", 0, 10},
}

// PrefectureName returns the full name of the prefecture with JIS X 0401
// code (1 北海道 .. 47 沖縄県), or "" if code is outside 1..47.
func PrefectureName(code int) string {
	if code < 1 || code > 47 {
		return ""
	}
	return prefectures[code-1].name
}
