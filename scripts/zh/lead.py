"""Chinese for the shared shell of the modules: grouped navigation, summary parts."""

ZH = {
    "Enforcement and supervision": "监管执法",
    "Emergency response": "应急管理",
    "Coordination": "统筹协调",
}
