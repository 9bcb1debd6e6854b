"""Chinese for personal information (个人信息保护): the privacy app."""

ZH = {
    "Personal information": "个人信息保护",
}
