SurveysiteSearch.meta({"docs":29,"shards":1,"chunks":[0],"versions":["bf0d9c3b","23827e75"],"folderIndex":true});
