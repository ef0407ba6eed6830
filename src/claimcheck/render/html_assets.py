"""Inline assets of the HTML report: the stylesheet (verdict toggles are pure CSS: hidden
checkboxes before <header> and <main>) and a small script linking highlights and notes."""

CSS = """
:root{--red:#b3261e;--red-bg:#fde7e6;--green:#1e6b34;--green-bg:#e3f4e6;--grey:#5f6368;
--grey-bg:#eceff1;--ink:#1f2328;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 Georgia,"Times New Roman",serif;color:var(--ink);background:#fafafa}
header{padding:18px 32px;background:#fff;border-bottom:1px solid var(--line);
font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
header h1{margin:0 0 4px;font-size:20px;word-break:break-all}
.meta{color:var(--grey);font-size:14px}
.counts{margin-top:10px;display:flex;gap:8px;flex-wrap:wrap}
.badge{padding:3px 10px;border-radius:12px;font-size:14px;font-weight:600}
.badge.total{background:#fff;border:1px solid var(--line)}
.badge.mismatch{background:var(--red-bg);color:var(--red)}
.badge.supported{background:var(--green-bg);color:var(--green)}
.badge.unverified{background:var(--grey-bg);color:var(--grey)}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:32px;
padding:24px 32px;max-width:1400px}
article{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:24px 28px;
border:1px solid var(--line);border-radius:6px}
mark{padding:1px 0;border-radius:3px;color:inherit}
mark.mismatch{background:var(--red-bg);box-shadow:inset 0 -2px var(--red)}
mark.supported{background:var(--green-bg);box-shadow:inset 0 -2px var(--green)}
mark.unverified{background:var(--grey-bg);box-shadow:inset 0 -2px #9aa0a6}
mark.wrong{text-decoration:underline wavy var(--red);text-underline-offset:3px}
mark.overlap{outline:1px dashed var(--grey)}
sup.ref a{font:700 11px system-ui,sans-serif;text-decoration:none;color:var(--grey);margin-left:1px}
sup.ref.mismatch a{color:var(--red)}
aside{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;position:sticky;top:0;
align-self:start;max-height:100vh;overflow-y:auto;padding:0 4px 16px}
aside h2{font-size:15px;margin:0 0 10px;color:var(--grey)}
.note{background:#fff;border:1px solid var(--line);border-left:4px solid #9aa0a6;
border-radius:4px;padding:8px 12px;margin:0 0 10px}
.note.mismatch{border-left-color:var(--red)}
.note.supported{border-left-color:var(--green)}
.note:target{box-shadow:0 0 0 2px #4c8bf5}
.note .head{display:flex;justify-content:space-between;gap:8px;font-weight:600}
.note .head a{color:inherit;text-decoration:none}
.verdict.mismatch{color:var(--red)}.verdict.supported{color:var(--green)}
.verdict.unverified{color:var(--grey)}
.note p{margin:4px 0}.note .quote{font-family:Georgia,serif}
.note ul{margin:4px 0;padding-left:18px}
.note blockquote{margin:6px 0 0;padding:4px 8px;background:#f6f8fa;border-left:3px solid var(--line);
font-family:Georgia,serif}
.fix{color:var(--green)}.warn{color:#8a5a00}
.empty{color:var(--grey)}
@media (max-width:900px){main{grid-template-columns:1fr}aside{position:static;max-height:none}}
@media print{body{background:#fff}main{grid-template-columns:1fr}aside{position:static;max-height:none}}
.toggle{position:absolute;left:-10000px}
.counts label{cursor:pointer;user-select:none}
#t-mismatch:focus-visible~header label[for=t-mismatch]{outline:2px solid #4c8bf5}
#t-supported:focus-visible~header label[for=t-supported]{outline:2px solid #4c8bf5}
#t-unverified:focus-visible~header label[for=t-unverified]{outline:2px solid #4c8bf5}
#t-suppressed:focus-visible~header label[for=t-suppressed]{outline:2px solid #4c8bf5}
.counts label::before{content:"✓ "}
.note.linked,.note:target{box-shadow:0 0 0 2px #4c8bf5}
mark.linked{outline:2px solid #4c8bf5}
mark[data-claims]{cursor:pointer}
#t-mismatch:not(:checked)~header label[for=t-mismatch]{opacity:.45;text-decoration:line-through}
#t-mismatch:not(:checked)~header label[for=t-mismatch]::before{content:""}
#t-mismatch:not(:checked)~main .note.mismatch,#t-mismatch:not(:checked)~main sup.ref.mismatch{display:none}
#t-mismatch:not(:checked)~main mark.mismatch{background:none;box-shadow:none;text-decoration:none;outline:none}
#t-supported:not(:checked)~header label[for=t-supported]{opacity:.45;text-decoration:line-through}
#t-supported:not(:checked)~header label[for=t-supported]::before{content:""}
#t-supported:not(:checked)~main .note.supported,#t-supported:not(:checked)~main sup.ref.supported{display:none}
#t-supported:not(:checked)~main mark.supported{background:none;box-shadow:none;text-decoration:none;outline:none}
#t-unverified:not(:checked)~header label[for=t-unverified]{opacity:.45;text-decoration:line-through}
#t-unverified:not(:checked)~header label[for=t-unverified]::before{content:""}
#t-unverified:not(:checked)~main .note.unverified,#t-unverified:not(:checked)~main sup.ref.unverified{display:none}
#t-unverified:not(:checked)~main mark.unverified{background:none;box-shadow:none;text-decoration:none;outline:none}
#t-suppressed:not(:checked)~header label[for=t-suppressed]{opacity:.45;text-decoration:line-through}
#t-suppressed:not(:checked)~header label[for=t-suppressed]::before{content:""}
#t-suppressed:not(:checked)~main .note.suppressed,#t-suppressed:not(:checked)~main sup.ref.suppressed{display:none}
#t-suppressed:not(:checked)~main mark.suppressed{background:none;box-shadow:none;text-decoration:none;outline:none}
"""

# Progressive enhancement only: without scripts the anchors already link both ways
# (footnote number -> note, note heading -> footnote number) and the toggles are pure CSS.
SCRIPT = """
(function(){
  function marks(id){return document.querySelectorAll('mark[data-claims~="'+id+'"]');}
  function link(id,on){
    marks(id).forEach(function(m){m.classList.toggle('linked',on);});
    var n=document.getElementById('n'+id.slice(1));if(n){n.classList.toggle('linked',on);}
  }
  document.querySelectorAll('mark[data-claims]').forEach(function(m){
    var first=m.dataset.claims.split(' ')[0];
    m.addEventListener('click',function(){
      var n=document.getElementById('n'+first.slice(1));
      if(n){location.hash='n'+first.slice(1);n.scrollIntoView({block:'nearest'});}
    });
    m.addEventListener('mouseenter',function(){m.dataset.claims.split(' ').forEach(function(i){link(i,true);});});
    m.addEventListener('mouseleave',function(){m.dataset.claims.split(' ').forEach(function(i){link(i,false);});});
  });
  document.querySelectorAll('.note').forEach(function(n){
    var id='c'+n.id.slice(1);
    n.addEventListener('mouseenter',function(){link(id,true);});
    n.addEventListener('mouseleave',function(){link(id,false);});
    n.addEventListener('click',function(e){
      var m=marks(id)[0];if(m){e.preventDefault();m.scrollIntoView({block:'center'});link(id,true);
        setTimeout(function(){link(id,false);},1500);}
    });
  });
})();
"""
