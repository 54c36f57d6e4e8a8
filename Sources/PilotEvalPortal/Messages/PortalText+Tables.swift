extension PortalText {
  /// Chinese texts (the default language). A key missing here or in `en` fails a test.
  static let zh: [PortalText: String] = [
    .errorUnauthorized: "缺少访问码或访问码无效",
    .errorUnknownRound: "轮次“{0}”不存在",
    .errorUnknownUnit: "单位“{0}”不在轮次“{1}”中",
    .errorNotFound: "未找到",
    .errorNoAcceptedVersion: "单位“{0}”在轮次“{1}”中尚无通过校验的版本",
    .errorNoSuchVersion: "没有第 {0} 版",
    .errorForbidden: "此访问码无权访问该资源",
    .errorPhase: "轮次“{0}”当前不接受提交（阶段：{1}）",
    .errorPastDeadline: "轮次“{0}”已过截止时间 {1}",
    .errorMediaType: "请以 Content-Type: application/xml 或 text/xml 上传 XML 文件",
    .errorTooLarge: "文件超过 {0} 字节的上限",
    .errorRejected: "文件未通过校验，请按行号修改后重新提交",
    .errorTooMany: "请求过多，请 {0} 秒后再试",
    .errorCSRF: "表单已失效，请刷新页面后重试",
    .errorBadRequest: "请求无效",
    .errorInternal: "服务器内部错误",
    .errorRubric: "轮次“{0}”的评估细则无法使用",
    .unitMismatch: "文件中的单位编号“{0}”与上传地址中的单位“{1}”不一致",
    .roundMismatch: "文件中的轮次“{0}”与上传地址中的轮次“{1}”不一致",
  ]

  /// English texts.
  static let en: [PortalText: String] = [
    .errorUnauthorized: "no access code, or an unknown one",
    .errorUnknownRound: "unknown round '{0}'",
    .errorUnknownUnit: "unit '{0}' is not in round '{1}'",
    .errorNotFound: "not found",
    .errorNoAcceptedVersion: "unit '{0}' has no accepted version in round '{1}'",
    .errorNoSuchVersion: "there is no version {0}",
    .errorForbidden: "this access code may not use this resource",
    .errorPhase: "round '{0}' does not accept submissions now (phase: {1})",
    .errorPastDeadline: "round '{0}' closed for submissions at {1}",
    .errorMediaType: "upload an XML file with Content-Type: application/xml or text/xml",
    .errorTooLarge: "the file is larger than the limit of {0} bytes",
    .errorRejected: "the file did not pass validation; fix the lines named and submit again",
    .errorTooMany: "too many requests; try again in {0} seconds",
    .errorCSRF: "the form has expired; reload the page and try again",
    .errorBadRequest: "bad request",
    .errorInternal: "internal server error",
    .errorRubric: "the rubric of round '{0}' cannot be used",
    .unitMismatch: "the unit id '{0}' in the file does not match the unit '{1}' of the upload address",
    .roundMismatch: "the round '{0}' in the file does not match the round '{1}' of the upload address",
  ]
}
