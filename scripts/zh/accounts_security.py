"""Chinese for revoking API tokens on the user's own page, and for the login lockout behind a
proxy (issue 8, items 7 and 8)."""

ZH = {
    # The user's own page (accounts/templates/accounts/account.html)
    "My account": "我的账户",
    "Full name": "姓名",
    "Change password": "修改密码",
    "Programs that call the API on your behalf hold these tokens. Revoke a token you no longer use "
    "or that may have leaked; changing your password revokes them all.": "代表您调用接口的程序持有这些令牌。"
    "不再使用或可能泄露的令牌请吊销；修改密码会吊销全部令牌。",
    "Revoke all tokens": "吊销全部令牌",
    "Token": "令牌",
    "Created": "创建时间",
    "Expires": "到期时间",
    "Last used": "最近使用",
    "Expired": "已过期",
    "Never": "从未使用",
    "Revoke": "吊销",
    "No API tokens.": "没有API令牌。",
    "Token %(prefix)s… revoked.": "令牌 %(prefix)s… 已吊销。",
    "Tokens revoked: %(count)d.": "已吊销 %(count)d 个令牌。",
    # The password page (accounts/templates/accounts/password_change.html)
    "Changing your password revokes all your API tokens.": "修改密码将吊销您的全部API令牌。",
    "Back to my account": "返回我的账户",
    "Password changed. Your API tokens were revoked.": "密码已修改，您的API令牌已全部吊销。",
    # The lockout page (templates/registration/locked_out.html)
    "Too many failed login attempts from your address. Logging in from it is paused: try again in "
    "%(minutes)s min, or ask your system administrator to unlock the account.": "您所在地址的登录失败次数过多，"
    "已暂停从该地址登录：请 %(minutes)s 分钟后再试，或请系统管理员解除锁定。",
    # Removing a user's authenticator (user management, accounts/users/detail.html)
    "Authenticator": "身份验证器",
    "Enrolled": "已设置",
    "Remove the authenticator": "重置身份验证器",
    "For a lost or changed phone: the old codes stop working at once, and the user sets up a new authenticator at the next sign-in.": "用于手机丢失或更换：原验证码立即失效，该用户下次登录时重新设置身份验证器。",
    "Confirm: remove the authenticator": "确认：重置身份验证器",
    "This user has no authenticator to remove.": "该用户尚未设置身份验证器，无需重置。",
    "%(user)s enrols a new authenticator at the next sign-in.": "%(user)s 将在下次登录时重新设置身份验证器。",
}
