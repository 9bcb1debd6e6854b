"""Chinese for the accident's loss in 万元 and its reporting steps (issue 9)."""

ZH = {
    "In yuan, or in 万元 with 万: 1,250,000 or 125万.": "单位元；也可带“万”按万元填写，如 1,250,000 或 125万。",
    "Enter an amount in yuan, such as 1,250,000 or 125万.": "请输入金额（元），如 1,250,000 或 125万。",
}
