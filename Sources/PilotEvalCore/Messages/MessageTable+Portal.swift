// Messages of the submission portal's commands (`piloteval serve`, `piloteval portal …`): the
// database, the units file, the codes file and the options.

extension MessageTable {
  static let zhPortal: [MessageKey: String] = [
    .portalAlreadyExists:
      "“{0}”已存在：portal init 只新建数据库；如需新的试点办公室访问码，请运行 piloteval portal office-code --rotate",
    .portalNotAPortal: "“{0}”不存在或不是填报平台数据库：请先运行 piloteval portal init --db {0} 创建",
    .portalUnknownRound: "评估轮次“{0}”不存在：请先用 piloteval portal open-round 开启该轮次",
    .portalRoundExists: "评估轮次“{0}”已开启，不能重复开启",
    .portalUnknownUnit: "试点单位“{0}”不在评估轮次“{1}”中，无法重新发放访问码：请核对 --reissue 后的单位编号",
    .portalStorage: "数据库出错：{0}",
    .portalUnitsEmpty: "单位名单文件为空：第一行应为表头 id,name,region,level,category",
    .portalUnitsUnknownColumn: "未知的列“{0}”：表头只能包含 id,name,region,level,category 和可选的 organisation",
    .portalUnitsColumnTwice: "列“{0}”出现了两次，请删去一列",
    .portalUnitsMissingColumn: "表头缺少“{0}”列，请补上",
    .portalUnitsFieldCount: "本行有 {0} 个字段，而表头有 {1} 个，请核对逗号和引号",
    .portalUnitsBadId: "单位编号“{0}”不可用：须为 1 至 128 个字符，不含空格、“/”“?”“#”“%”和控制字符",
    .portalUnitsIdTwice: "单位编号“{0}”重复出现，每个单位只能列一次",
    .portalUnitsUnclosedQuote: "引号未闭合：请在字段末尾补上英文双引号",
    .portalCodesCannotCreate: "无法创建文件“{0}”",
    .portalCodesCannotWrite: "无法写入文件“{0}”",
    .portalCodesLinkFailed: "无法创建“{0}”（该文件可能刚被建立）",
    .portalCodesNotWritten: "{0}；新访问码未保存，请另指定 --codes 文件并用 --reissue 为这些单位重新发放访问码",
    .portalCodesFileExists: "“{0}”已存在：访问码文件不会覆盖已有文件，请为 --codes 指定一个新文件名",
    .portalCodesWritten: "piloteval: 已将 {0} 个新访问码写入 {1}",
    .portalCreated: "piloteval: 已创建 {0}；上面的试点办公室访问码只显示这一次，请妥善保管",
    .portalOfficeCodeNotShown: "访问码只以散列形式保存，无法再次显示；如需新的访问码，请加 --rotate",
    .portalOfficeCodeRevoked: "piloteval: 原试点办公室访问码已失效",
    .portalRubricUnusable: "评估细则 {0} 无法使用；请运行 piloteval check-rubric {0} 查看详情",
    .portalRoundOpened: "piloteval: 评估轮次 {0} 已开启，可以接收填报",
    .portalRoundId: "评估轮次编号“{0}”不可用：须为 1 至 128 个字符，不含空格、“/”“?”“#”“%”",
    .portalDeadline: "--deadline “{0}”不是带时区偏移的 ISO-8601 时间，例如 2026-06-30T18:00:00+08:00",
    .portalListen: "--listen 须为“主机:端口”，例如 127.0.0.1:8080，现为“{0}”",
    .portalServing: "piloteval: 正在 http://{1}:{2}/ 提供 {0} 的填报服务（按 Ctrl-C 停止）",
  ]

  static let enPortal: [MessageKey: String] = [
    .portalAlreadyExists:
      "'{0}' already exists; `portal init` creates a new database only (use `portal office-code --rotate` for a new office code)",
    .portalNotAPortal: "'{0}' is not a portal database; create one with `piloteval portal init --db {0}`",
    .portalUnknownRound: "unknown round '{0}'",
    .portalRoundExists: "round '{0}' is already open",
    .portalUnknownUnit: "unit '{0}' is not in round '{1}'",
    .portalStorage: "database error: {0}",
    .portalUnitsEmpty: "the file is empty",
    .portalUnitsUnknownColumn: "unknown column '{0}' (expected id,name,region,level,category[,organisation])",
    .portalUnitsColumnTwice: "column '{0}' appears twice",
    .portalUnitsMissingColumn: "the header has no '{0}' column",
    .portalUnitsFieldCount: "{0} fields, the header has {1}",
    .portalUnitsBadId:
      "unit id '{0}' is not usable (1–128 characters, no spaces, '/', '?', '#', '%' or control characters)",
    .portalUnitsIdTwice: "unit id '{0}' appears twice",
    .portalUnitsUnclosedQuote: "a quoted field is not closed",
    .portalCodesCannotCreate: "cannot create '{0}'",
    .portalCodesCannotWrite: "cannot write '{0}'",
    .portalCodesLinkFailed: "cannot create '{0}' (it may exist now)",
    .portalCodesNotWritten: "{0}; give the units new codes with --reissue",
    .portalCodesFileExists: "'{0}' already exists; name a new file for the codes",
    .portalCodesWritten: "piloteval: {0} new code(s) written to {1}",
    .portalCreated: "piloteval: created {0}; the office code above is shown only once, keep it safe",
    .portalOfficeCodeNotShown:
      "codes are stored only as hashes and cannot be shown again; use --rotate for a new one",
    .portalOfficeCodeRevoked: "piloteval: the previous office code no longer works",
    .portalRubricUnusable: "the rubric {0} cannot be used; run `piloteval check-rubric {0}` for details",
    .portalRoundOpened: "piloteval: round {0} is open for submissions",
    .portalRoundId: "round id '{0}' is not usable (1–128 characters, no spaces, '/', '?', '#' or '%')",
    .portalDeadline: "--deadline '{0}' is not an ISO-8601 time with an offset, e.g. 2026-06-30T18:00:00+08:00",
    .portalListen: "--listen must be HOST:PORT, e.g. 127.0.0.1:8080, not '{0}'",
    .portalServing: "piloteval: serving {0} on http://{1}:{2}/ (stop with Ctrl-C)",
  ]
}
