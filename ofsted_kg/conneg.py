"""Content-negotiation recipes written into the published folder: `/id/X` -> 303 -> `/doc/X.html|.ttl|.jsonld`.

The rule, the same in each server's words: `text/html` wins when the Accept header names it (browsers),
then `application/ld+json`, then `text/turtle`; anything else gets HTML. Each rule keeps whatever path
precedes `/id/`, so the folder can be served under a path (`https://data.example.org/ofsted/`).
"""

from __future__ import annotations

from pathlib import Path

# extension -> media type, for servers that do not know them
MEDIA_TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nq": "application/n-quads",
               "trig": "application/trig", "html": "text/html"}

NGINX_HTTP = """\
# ofsted-kg content negotiation for nginx, part 1 of 2: include this file in the http {} block,
# and nginx-site.conf in the server {} block whose root is the published folder.
map $http_accept $ofsted_kg_ext {
    default                   html;
    "~*text/html"             html;
    "~*application/ld\\+json"  jsonld;
    "~*text/turtle"           ttl;
}
"""

NGINX_SERVER = """\
# ofsted-kg content negotiation for nginx, part 2 of 2: include in the server {} block (see nginx.conf).
index index.html;
location ~ ^(?<ofsted_kg_prefix>.*)/id/(?<ofsted_kg_path>.+)$ {
    add_header Vary Accept always;
    return 303 $ofsted_kg_prefix/doc/$ofsted_kg_path.$ofsted_kg_ext;
}
location ~ \\.ttl$    { types { } default_type "text/turtle; charset=utf-8"; }
location ~ \\.jsonld$ { types { } default_type "application/ld+json"; }
location ~ \\.nq$     { types { } default_type "application/n-quads"; }
location ~ \\.trig$   { types { } default_type "application/trig"; }
location ~ \\.gz$     { types { } default_type "application/gzip"; }
"""

HTACCESS = """\
# ofsted-kg content negotiation for Apache (mod_rewrite, mod_headers): /id/X -> 303 -> /doc/X.html|.ttl|.jsonld
Options -MultiViews
DirectoryIndex index.html
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/n-quads .nq
AddType application/trig .trig
AddCharset utf-8 .ttl .jsonld .html
RewriteEngine On
# the last condition captures the path before and after /id/, so the rules work under any path
RewriteCond %{HTTP_ACCEPT} text/html [NC]
RewriteCond %{REQUEST_URI} ^(.*)/id/(.+)$
RewriteRule ^id/ %1/doc/%2.html [R=303,L]
RewriteCond %{HTTP_ACCEPT} application/ld\\+json [NC]
RewriteCond %{REQUEST_URI} ^(.*)/id/(.+)$
RewriteRule ^id/ %1/doc/%2.jsonld [R=303,L]
RewriteCond %{HTTP_ACCEPT} text/turtle [NC]
RewriteCond %{REQUEST_URI} ^(.*)/id/(.+)$
RewriteRule ^id/ %1/doc/%2.ttl [R=303,L]
RewriteCond %{REQUEST_URI} ^(.*)/id/(.+)$
RewriteRule ^id/ %1/doc/%2.html [R=303,L]
<IfModule mod_headers.c>
  Header merge Vary Accept
</IfModule>
"""

W3ID = """\
# For https://github.com/perma-id/w3id.org: put this file at ofsted-kg/.htaccess there. It sends each
# w3id IRI of the data (https://w3id.org/ofsted-kg/id/X) straight to the page for the Accept header
# at the folder published under {site}.
Options +FollowSymLinks
RewriteEngine On
RewriteCond %{{HTTP_ACCEPT}} text/html [NC]
RewriteRule ^id/(.+)$ {site}doc/$1.html [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json [NC]
RewriteRule ^id/(.+)$ {site}doc/$1.jsonld [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} text/turtle [NC]
RewriteRule ^id/(.+)$ {site}doc/$1.ttl [R=303,L]
RewriteRule ^id/(.+)$ {site}doc/$1.html [R=303,L]
RewriteRule ^ontology$ {site}reference.html [R=303,L]
RewriteRule ^$ {site} [R=303,L]
"""

CADDY = """\
# ofsted-kg content negotiation for Caddy 2: `import Caddyfile.ofsted-kg` inside the site block whose
# root is the published folder (root * /srv/ofsted-kg, then file_server).
route {
	@ofsted_kg_html {
		path_regexp okg ^(.*)/id/(.+)$
		header Accept *text/html*
	}
	redir @ofsted_kg_html {re.okg.1}/doc/{re.okg.2}.html 303
	@ofsted_kg_jsonld {
		path_regexp okg ^(.*)/id/(.+)$
		header Accept *application/ld+json*
	}
	redir @ofsted_kg_jsonld {re.okg.1}/doc/{re.okg.2}.jsonld 303
	@ofsted_kg_ttl {
		path_regexp okg ^(.*)/id/(.+)$
		header Accept *text/turtle*
	}
	redir @ofsted_kg_ttl {re.okg.1}/doc/{re.okg.2}.ttl 303
	@ofsted_kg_other path_regexp okg ^(.*)/id/(.+)$
	redir @ofsted_kg_other {re.okg.1}/doc/{re.okg.2}.html 303
}
header *.ttl Content-Type "text/turtle; charset=utf-8"
header *.jsonld Content-Type "application/ld+json"
header *.nq Content-Type "application/n-quads"
header *.trig Content-Type "application/trig"
"""


def write_configs(folder: Path, base_url: str | None) -> list[Path]:
    """The recipes for Apache (.htaccess, and w3id.htaccess for a w3id.org redirect), nginx and Caddy."""
    site = (base_url.rstrip("/") + "/") if base_url else "https://data.example.org/ofsted-kg/"
    files = {".htaccess": HTACCESS, "w3id.htaccess": W3ID.format(site=site), "nginx.conf": NGINX_HTTP,
             "nginx-site.conf": NGINX_SERVER, "Caddyfile.ofsted-kg": CADDY}
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
