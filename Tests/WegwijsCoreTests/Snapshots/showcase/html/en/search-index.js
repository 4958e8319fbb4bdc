// The search index of the en pages, written by `wegwijs build`; read by ../wegwijs.js.
window.wegwijsSearchIndex = {"labels": {"label":"Search the guides","noResults":"No procedure or step matches “{query}”.","oneResult":"1 result","results":"{count} results","step":"Step"}, "pages": [
{"href":"add-users.html","keywords":["Save","Account number"],"steps":[{"href":"add-users.html#fill-in","keywords":["Account number","Account Number","Email ID","Save"],"number":2,"title":"Fill in the account number"},{"href":"add-users.html#check","keywords":[],"number":3,"title":"Check step 2: Fill in the account number"}],"summary":"Give a user the right to ship on your account.","title":"Add users"},
{"href":"log-in.html","keywords":[],"steps":[{"href":"log-in.html#open","keywords":[],"number":1,"title":"Open the portal"}],"summary":"","title":"Log in"}
]};
