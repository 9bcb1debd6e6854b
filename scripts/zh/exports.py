"""Chinese for the API's answers to a request body Django refuses (issue 8 item 10)."""

ZH = {
    "The request body is larger than %(mb)s MB: send less in one request.": "请求内容超过 %(mb)s MB，请分次提交。",
    "The request has more fields than %(n)s.": "请求中的字段超过 %(n)s 个。",
    "The request has more files than %(n)s.": "请求中的文件超过 %(n)s 个。",
    "The upload is not a well-formed multipart form.": "上传的内容不是格式正确的表单（multipart）。",
    "The request could not be read.": "无法读取该请求。",
}
