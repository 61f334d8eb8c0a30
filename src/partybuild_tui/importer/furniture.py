"""Page furniture: the lines a saved web page carries around the article, dropped wherever
they stand (top, bottom, between paragraphs) and listed in the summary.

Two shapes: a line made only of furniture words (``上一篇 下一篇``, ``放大 缩小 默认``,
``字号：大 中 小``, ``打印本页 关闭窗口``, ``【纠错】``, WeChat's ``阅读 在看 分享``), and a
line that starts like furniture (``责任编辑：…``, ``版权所有 …``, ``Copyright © …``,
``…ICP备…``, ``扫一扫在手机打开当前页``, ``首页 > 新闻 > …``, e-paper navigation
``第05版:综合 上一版 下一版``, chart captions ``图1`` / ``图2：…``). Every test is on one
line of bounded length, with patterns free of nested quantifiers.
"""

from __future__ import annotations

import re

from partybuild_tui.importer.fold import fold

MAX_FURNITURE = 120  # characters; a longer line is text, whatever it starts with

_WORDS = frozenset(
    """版面导航 上一版 下一版 上一篇 下一篇 上一期 下一期 上一条 下一条 返回目录 返回首页 返回顶部
    返回 首页 正文 创始人 放大 缩小 默认 字号 字体 大 中 小 打印 打印本页 打印此页 打印文章 关闭
    关闭窗口 关闭本页 收藏 收藏本页 纠错 我要纠错 分享 分享到 阅读 在看 点赞 赞 写留言 留言 赞赏
    转发 阅读原文 原文 微信 微博 QQ QQ空间 朋友圈 复制链接 新浪微博 腾讯微博 手机版 无障碍 长辈版
    视频 图片 语音播报 听新闻 听全文 全文 浏览 推荐 顶 踩 评论 更多 本文 链接""".split()  # noqa: SIM905
)
# Characters that wrap furniture words: brackets, colons, separators.
_WRAPPERS = re.compile(r"[\[\]【】()（）<>《》〔〕|｜:：·•/、,，\s]+")
_COUNT_WORD = re.compile(
    r"^(?:阅读|浏览|点击|在看|点赞|评论|阅读量|浏览量|浏览次数|访问量)\d{0,9}$"
)
_STARTS = re.compile(
    r"(?:^|[\s】\]])[\[【(（]?\s{0,3}(?:"
    r"责任编辑|编辑|责编|审核|审校|校对|监制|终审|初审|复审|值班编辑|主编|编审|统筹|策划|文字|图片|"
    r"本版责编|本版编辑|本版编审|美编|版式设计|版式|图片编辑|值班主任|"
    r"视频|摄影|制图|设计|排版|出品|来源于|信息来源于)\s{0,3}[:：]"
    r"|^(?:版权所有|版权声明|Copyright|COPYRIGHT|copyright|©|\(C\)|主办单位|承办单位|主办[:：]|承办[:：]|"
    r"技术支持|联系电话|联系我们|网站地图|网站标识码|网站声明|关于我们|扫一扫|微信扫一扫|手机扫一扫|"
    r"长按识别|长按二维码|当前位置|您的位置|您当前的位置|您现在的位置|所在位置|预览时标签不可点|"
    r"继续滑动看下一个|轻触阅读原文|微信扫一扫关注|向上滑动看下一个|点击上方|点击蓝字|版面导航|"
    r"本文来源|转载请注明|未经授权|免责声明)"
    r"|ICP备|ICP证|公网安备|网安备\d"
    r"|^第\s{0,2}[0-9０-９]{1,3}\s{0,2}版\s{0,2}[:：]?"
    r"|^图\s{0,2}[0-9０-９]{1,3}(?:\s|[:：.．、]|$)"
    r"|^原创\s{1,3}\S"
)
_BREADCRUMB = re.compile(r"^[^。,,;;!?！？]{1,40}\s?(?:>|＞|>>|»)\s?[^。;;!?！？]{0,80}$")
_CAPTION = re.compile(r"^(?:图为|▲|△|（图片来源|\(图片来源|图片来源)")
_PHOTO_CREDIT = re.compile(r"^(?:本报)?(?:记者|通讯员)?\s{0,3}[\u4e00-\u9fff]{2,4}\s{1,3}摄$")
_MASTHEAD = re.compile(
    r"^[\u4e00-\u9fff]{2,10}(?:日报|晚报|数字报|电子报|电子版|新闻网|客户端)(?:数字报|电子版|社)?$"
)
_SENTENCE_END = re.compile(r"[。!?！？]$")


def is_furniture(line: str) -> bool:
    """True for a page-furniture line (see the module doc); ``line`` is already stripped."""
    if not line or len(line) > MAX_FURNITURE:
        return False
    line = fold(line)
    if _STARTS.search(line) or _PHOTO_CREDIT.match(line) or _MASTHEAD.match(line):
        return True
    if _CAPTION.match(line) and len(line) <= 60:
        return True
    if _BREADCRUMB.match(line) and not _SENTENCE_END.search(line):
        return True
    words = [word for word in _WRAPPERS.split(line) if word]
    known = [word in _WORDS or bool(_COUNT_WORD.match(word)) for word in words]
    # 阅读 2563: a count may stand beside a furniture word, never alone
    return any(known) and all(k or word.isdigit() for k, word in zip(known, words, strict=True))


def holds_number(line: str) -> bool:
    """Whether a dropped line holds a digit: the summary flags it, so no figure goes unseen."""
    return any(char.isdigit() for char in line)
