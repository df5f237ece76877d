package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const sample = `[
 {"code":"010006","type":"prefecture","name":"北海道","ruby":"ほっかいどう","municipalities":[
  {"code":"011002","type":"municipality","name":"札幌市","ruby":"さっぽろし","wards":[{"code":"011011","type":"ward","name":"中央区","ruby":"ちゅうおうく"}]},
  {"code":"012025","type":"municipality","name":"函館市","ruby":"はこだてし"},
  {"code":"016969","type":"municipality","name":"泊村","ruby":"とまりむら"}]},
 {"code":"020001","type":"prefecture","name":"青森県","ruby":"あおもりけん","municipalities":[
  {"code":"023213","type":"municipality","name":"鰺ヶ沢町","ruby":"あじがさわまち"}]},
 {"code":"030007","type":"prefecture","name":"岩手県","ruby":"いわてけん","municipalities":[]},
 {"code":"040002","type":"prefecture","name":"宮城県","ruby":"みやぎけん","municipalities":[]},
 {"code":"050008","type":"prefecture","name":"秋田県","ruby":"あきたけん","municipalities":[]},
 {"code":"060003","type":"prefecture","name":"山形県","ruby":"やまがたけん","municipalities":[]},
 {"code":"070009","type":"prefecture","name":"福島県","ruby":"ふくしまけん","municipalities":[]},
 {"code":"080004","type":"prefecture","name":"茨城県","ruby":"いばらきけん","municipalities":[]},
 {"code":"090000","type":"prefecture","name":"栃木県","ruby":"とちぎけん","municipalities":[]},
 {"code":"100005","type":"prefecture","name":"群馬県","ruby":"ぐんまけん","municipalities":[]},
 {"code":"110001","type":"prefecture","name":"埼玉県","ruby":"さいたまけん","municipalities":[]},
 {"code":"120006","type":"prefecture","name":"千葉県","ruby":"ちばけん","municipalities":[]},
 {"code":"130001","type":"prefecture","name":"東京都","ruby":"とうきょうと","municipalities":[
  {"code":"131032","type":"municipality","name":"港区","ruby":"みなとく"},
  {"code":"133078","type":"municipality","name":"檜原村","ruby":"ひのはらむら"}]}
]`

func TestWriteKindsAndExclusions(t *testing.T) {
	t.Parallel()
	var prefs []prefecture
	if err := json.Unmarshal([]byte(sample), &prefs); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	counts, err := write(&b, prefs)
	if err != nil {
		t.Fatal(err)
	}
	want := "010006\t北海道\tほっかいどう\t都道府県\n" +
		"011002\t札幌市\tさっぽろし\t政令市\n" +
		"012025\t函館市\tはこだてし\t市\n" +
		"020001\t青森県\tあおもりけん\t都道府県\n" +
		"023213\t鰺ヶ沢町\tあじがさわまち\t町\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("output starts\n%s\nwant\n%s", b.String()[:len(want)], want)
	}
	if !strings.HasSuffix(b.String(), "130001\t東京都\tとうきょうと\t都道府県\n131032\t港区\tみなとく\t特別区\n133078\t檜原村\tひのはらむら\t村\n") {
		t.Errorf("output ends\n%s", b.String())
	}
	if strings.Contains(b.String(), "中央区") || strings.Contains(b.String(), "泊村") {
		t.Error("a ward or a Northern Territories village was written")
	}
	if counts["政令市"] != 1 || counts["特別区"] != 1 || counts["都道府県"] != 13 {
		t.Errorf("counts = %v", counts)
	}
}

func TestWriteRejectsDisorder(t *testing.T) {
	t.Parallel()
	prefs := []prefecture{{Code: "010006", Name: "北海道", Ruby: "ほっかいどう", Municipalities: []municipality{
		{Code: "012025", Name: "函館市", Ruby: "はこだてし"}, {Code: "011002", Name: "札幌市", Ruby: "さっぽろし"}}}}
	if _, err := write(&strings.Builder{}, prefs); err == nil {
		t.Error("codes out of order were accepted")
	}
	prefs[0].Municipalities = []municipality{{Code: "012025", Name: "函館", Ruby: "はこだて"}}
	if _, err := write(&strings.Builder{}, prefs); err == nil {
		t.Error("a name without 市, 町 or 村 was accepted")
	}
}
