/**
 * The page a refused sign-in through the identity provider ends on: the browser arrived by a redirect from the
 * provider, so the answer is a page, in Danish, with the stable code for support and a way back. Nothing in it
 * comes from the request.
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(code: string, message: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log ind lykkedes ikke – Arbejdsbænk for AI-prøvehandlinger</title>
<style>
body{font-family:"IBM Plex Sans",Arial,sans-serif;color:#1a1a1a;margin:0;line-height:1.5}
header{border-bottom:1px solid #bfbfbf;padding:16px 24px;font-weight:600}
main{max-width:40em;padding:24px}
h1{font-size:2rem;margin:0 0 16px}
.alert{border-left:8px solid #b51d09;background:#f6dedb;padding:16px}
a{color:#004993}
.code{color:#595959;font-size:.875rem}
</style>
</head>
<body>
<header>Arbejdsbænk for AI-prøvehandlinger</header>
<main>
<h1>Log ind lykkedes ikke</h1>
<div class="alert" role="alert" data-code="${escape(code)}"><p>${escape(message)}</p></div>
<p><a href="/log-ind">Tilbage til log ind</a></p>
<p class="code">Fejlkode: ${escape(code)}</p>
</main>
</body>
</html>`;
}
