"""The review pack's style sheet and script, inlined into each pack (no server, no network).

The script keeps the answers in ``localStorage`` (one entry per pack), shows each network's tab,
folds long captions as the network does, and writes the reply code: the answers as JSON, URL-safe
base64, signed with HMAC-SHA256 by a small SHA-256 of its own (``crypto.subtle`` exists only in
secure contexts, and a file opened from a phone's downloads may not be one).
"""

from __future__ import annotations

CSS = """
:root{--bg:#f4f5f7;--card:#fff;--ink:#14171a;--muted:#5b6470;--line:#dde1e6;--accent:#3457d5;
--ok:#1e7b34;--warn:#a15c00;--bad:#b3261e;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--card:#22252b;--ink:#eceef1;--muted:#a3abb6;--line:#363a42;
--accent:#8aa4ff;--ok:#6fcf87;--warn:#f0b35a;--bad:#f28b82}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font-size:16px;line-height:1.45}
header,main,footer{max-width:720px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}.muted{color:var(--muted)}
label.name{display:flex;gap:8px;align-items:center;margin-top:8px}
input,textarea{font:inherit;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px}
input{flex:1;max-width:320px}
article.post{background:var(--card);border:1px solid var(--line);border-radius:14px;margin:0 0 20px;overflow:hidden}
.post-head{padding:12px 16px;border-bottom:1px solid var(--line);display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
.post-head b{font-size:1.05rem}.tabs{display:flex;gap:6px;padding:10px 16px 0;flex-wrap:wrap}
.tabs button{border:1px solid var(--line);background:transparent;color:var(--ink);border-radius:999px;padding:4px 12px;font:inherit;font-size:.9rem;cursor:pointer}
.tabs button[aria-selected=true]{background:var(--accent);border-color:var(--accent);color:#fff}
.net{padding:12px 16px}.net[hidden]{display:none}
.card{border:1px solid var(--line);border-radius:12px;padding:12px;margin-bottom:10px}
.who{display:flex;align-items:center;gap:10px;margin-bottom:8px}
.avatar{width:36px;height:36px;border-radius:50%;background:var(--accent);color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.who small{display:block;color:var(--muted)}.partno{font-size:.8rem;color:var(--muted);margin-bottom:4px}
.text{white-space:pre-wrap;overflow-wrap:anywhere}.text a,.tag,.mention{color:var(--accent);text-decoration:none}
.folded .text{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden;-webkit-line-clamp:var(--lines)}
.more{border:0;background:none;color:var(--muted);padding:0;font:inherit;cursor:pointer}
.images{display:grid;gap:4px;margin-top:10px;grid-template-columns:repeat(auto-fit,minmax(140px,1fr))}
.images.one{grid-template-columns:1fr}
figure{margin:0}figure img{width:100%;height:auto;display:block;border-radius:8px;background:var(--line)}
figcaption{font-size:.8rem;color:var(--muted);margin-top:2px}figcaption b{font-size:.7rem;border:1px solid var(--muted);border-radius:4px;padding:0 3px;margin-right:4px}
.answer{padding:12px 16px;border-top:1px solid var(--line);background:color-mix(in srgb,var(--card) 92%,var(--accent))}
.verdicts{display:flex;gap:8px;flex-wrap:wrap}
.verdicts button{flex:1;min-width:120px;font:inherit;padding:10px;border-radius:10px;border:1px solid var(--line);background:var(--card);color:var(--ink);cursor:pointer}
.verdicts button[aria-pressed=true][data-verdict=a]{background:var(--ok);border-color:var(--ok);color:#fff}
.verdicts button[aria-pressed=true][data-verdict=c]{background:var(--warn);border-color:var(--warn);color:#fff}
.verdicts button[aria-pressed=true][data-verdict=r]{background:var(--bad);border-color:var(--bad);color:#fff}
.answer textarea{width:100%;margin-top:8px;min-height:70px}.answer textarea[hidden]{display:none}
.state{font-size:.9rem;margin-top:6px;color:var(--muted)}
footer{background:var(--bg);border-top:1px solid var(--line);margin-top:8px}
#reply-code{width:100%;font-family:ui-monospace,monospace;font-size:.8rem;min-height:64px;word-break:break-all}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:8px}
.actions a,.actions button{font:inherit;padding:8px 14px;border-radius:10px;border:1px solid var(--accent);background:var(--accent);color:#fff;text-decoration:none;cursor:pointer}
.actions a.secondary,.actions button.secondary{background:transparent;color:var(--accent)}
@media (max-width:480px){header,main,footer{padding:10px}.verdicts button{min-width:0;padding:10px 4px;font-size:.9rem}
}
@media print{footer,.answer,.tabs{display:none}.net[hidden]{display:block}}
"""

JS = r"""
(function(){
"use strict";
var P=JSON.parse(document.getElementById("pack-data").textContent);
var W=P.words, KEY="studio-review-"+P.id, S;
try{S=JSON.parse(localStorage.getItem(KEY)||"{}")}catch(e){S={}}
S.answers=S.answers||{};
function save(){try{localStorage.setItem(KEY,JSON.stringify(S))}catch(e){}}
function fmt(t,o){return t.replace(/\{(\w+)\}/g,function(_,k){return o[k]})}
// images: each rendition once, by id
document.querySelectorAll("img[data-img]").forEach(function(img){img.src=P.images[img.dataset.img]});
// tabs
document.querySelectorAll("article.post").forEach(function(post){
  var tabs=post.querySelectorAll(".tabs button"), nets=post.querySelectorAll(".net");
  tabs.forEach(function(tab,i){tab.addEventListener("click",function(){
    tabs.forEach(function(t,j){t.setAttribute("aria-selected",String(i===j))});
    nets.forEach(function(n,j){n.hidden=(i!==j)}); folds(post)})});
});
// the network's fold ("... more"): shown only when the text is longer than the lines it shows
function folds(root){root.querySelectorAll(".folded").forEach(function(box){
  var text=box.querySelector(".text"), more=box.querySelector(".more");
  if(more){more.hidden=!(text.scrollHeight>text.clientHeight+2)}})}
document.querySelectorAll(".more").forEach(function(b){b.addEventListener("click",function(){
  b.parentNode.classList.remove("folded");b.hidden=true})});
// answers
function show(post){
  var id=post.dataset.draft, a=S.answers[id]||{}, v=a.v||"";
  post.querySelectorAll(".verdicts button").forEach(function(b){b.setAttribute("aria-pressed",String(b.dataset.verdict===v))});
  var box=post.querySelector("textarea"); box.hidden=!(v==="c"||v==="r"); if(document.activeElement!==box)box.value=a.c||"";
  var st=post.querySelector(".state");
  st.textContent=v?W["answered_"+v]+(v==="c"&&!(a.c||"").trim()?" \u2014 "+W.needs_comment:""):W.pending;
}
document.querySelectorAll("article.post").forEach(function(post){
  var id=post.dataset.draft;
  post.querySelectorAll(".verdicts button").forEach(function(b){b.addEventListener("click",function(){
    var a=S.answers[id]||{}; a.v=b.dataset.verdict; S.answers[id]=a; save(); show(post); code();
    if(a.v!=="a")post.querySelector("textarea").focus()})});
  post.querySelector("textarea").addEventListener("input",function(e){
    var a=S.answers[id]||{}; a.c=e.target.value; S.answers[id]=a; save(); show(post); code()});
  show(post);
});
var nameBox=document.getElementById("reviewer");
nameBox.value=S.name||""; nameBox.addEventListener("input",function(){S.name=nameBox.value;save();code()});
// SHA-256 and HMAC (FIPS 180-4, RFC 2104)
var K=[0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,
0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,
0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,
0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,
0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
function sha256(bytes){
  var n=bytes.length, l=((n+9+63)>>6)<<6, m=new Uint8Array(l); m.set(bytes); m[n]=0x80;
  var bits=n*8; for(var i=0;i<8;i++){m[l-1-i]=(i<4)?(bits>>>(8*i))&255:Math.floor(bits/Math.pow(2,8*i))&255}
  var h=[0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19], w=new Array(64);
  for(var o=0;o<l;o+=64){
    for(var t=0;t<16;t++)w[t]=(m[o+4*t]<<24)|(m[o+4*t+1]<<16)|(m[o+4*t+2]<<8)|m[o+4*t+3];
    for(t=16;t<64;t++){var a0=w[t-15],a1=w[t-2];
      var s0=((a0>>>7)|(a0<<25))^((a0>>>18)|(a0<<14))^(a0>>>3), s1=((a1>>>17)|(a1<<15))^((a1>>>19)|(a1<<13))^(a1>>>10);
      w[t]=(w[t-16]+s0+w[t-7]+s1)|0}
    var a=h[0],b=h[1],c=h[2],d=h[3],e=h[4],f=h[5],g=h[6],k=h[7];
    for(t=0;t<64;t++){
      var S1=((e>>>6)|(e<<26))^((e>>>11)|(e<<21))^((e>>>25)|(e<<7)), ch=(e&f)^(~e&g), t1=(k+S1+ch+K[t]+w[t])|0;
      var S0=((a>>>2)|(a<<30))^((a>>>13)|(a<<19))^((a>>>22)|(a<<10)), mj=(a&b)^(a&c)^(b&c), t2=(S0+mj)|0;
      k=g;g=f;f=e;e=(d+t1)|0;d=c;c=b;b=a;a=(t1+t2)|0}
    h[0]=(h[0]+a)|0;h[1]=(h[1]+b)|0;h[2]=(h[2]+c)|0;h[3]=(h[3]+d)|0;h[4]=(h[4]+e)|0;h[5]=(h[5]+f)|0;h[6]=(h[6]+g)|0;h[7]=(h[7]+k)|0}
  var out=new Uint8Array(32); for(i=0;i<8;i++){out[4*i]=h[i]>>>24;out[4*i+1]=(h[i]>>>16)&255;out[4*i+2]=(h[i]>>>8)&255;out[4*i+3]=h[i]&255}
  return out}
function hmac(key,msg){
  var k=new Uint8Array(64); k.set(key.length>64?sha256(key):key);
  var ip=new Uint8Array(64+msg.length), op=new Uint8Array(96);
  for(var i=0;i<64;i++){ip[i]=k[i]^0x36;op[i]=k[i]^0x5c} ip.set(msg,64); op.set(sha256(ip),64); return sha256(op)}
function hex(s){var b=new Uint8Array(s.length/2);for(var i=0;i<b.length;i++)b[i]=parseInt(s.substr(2*i,2),16);return b}
function b64(bytes){var s="";for(var i=0;i<bytes.length;i++)s+=String.fromCharCode(bytes[i]);
  return btoa(s).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}
var enc=new TextEncoder();
// the reply code
function code(){
  var list=[],done=0;
  document.querySelectorAll("article.post").forEach(function(post){var a=S.answers[post.dataset.draft];
    if(a&&a.v){done++;list.push([+post.dataset.draft,a.v,post.dataset.hash,(a.c||"").trim()])}});
  document.getElementById("summary").textContent=fmt(W.summary,{done:done,total:P.total});
  var out=document.getElementById("reply-code"), dl=document.getElementById("download"), mail=document.getElementById("mail");
  if(!list.length){out.value="";dl.removeAttribute("href");mail.removeAttribute("href");return}
  var payload=b64(enc.encode(JSON.stringify({p:P.id,n:(S.name||"").trim(),a:list})));
  var text="STUDIO1-"+payload+"."+b64(hmac(hex(P.key),enc.encode(payload)).subarray(0,16));
  out.value=text; fit();
  dl.href="data:text/plain;charset=utf-8,"+encodeURIComponent(text+"\n"); dl.download="review-"+P.id+".txt";
  mail.href="mailto:"+encodeURIComponent(P.reply_to)+"?subject="+encodeURIComponent(W.mail_subject+" "+P.id)+"&body="+encodeURIComponent(text);
}
document.getElementById("copy").addEventListener("click",function(){
  var out=document.getElementById("reply-code"), btn=this; out.select();
  var ok=function(){btn.textContent=W.copied;setTimeout(function(){btn.textContent=W.copy},1500)};
  if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(out.value).then(ok,function(){document.execCommand("copy");ok()})}
  else{document.execCommand("copy");ok()}});
// the code's box grows with it (a scrolled box would look empty on a narrow screen)
function fit(){var out=document.getElementById("reply-code");out.style.height="auto";
  if(out.value){out.style.height=(out.scrollHeight+2)+"px";out.scrollTop=0}}
code(); folds(document); window.addEventListener("resize",function(){folds(document);fit()});
document.documentElement.dataset.ready="1";
})();
"""
