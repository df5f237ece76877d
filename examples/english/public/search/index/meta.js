SurveysiteSearch.meta({"docs":19,"shards":1,"chunks":[0],"versions":["1c0deba1","df9b0c6a"],"folderIndex":true});
