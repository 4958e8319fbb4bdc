// The search index of the nl pages, written by `wegwijs build`; read by ../wegwijs.js.
window.wegwijsSearchIndex = {"labels": {"label":"Zoeken in de handleidingen","noResults":"Geen procedure of stap past bij “{query}”.","oneResult":"1 resultaat","results":"{count} resultaten","step":"Stap"}, "pages": [
{"href":"add-users.html","keywords":["Opslaan","Klantnummer"],"steps":[{"href":"add-users.html#fill-in","keywords":["Klantnummer","DHL-klantnummer","Email ID","Opslaan"],"number":2,"title":"Vul het klantnummer in"},{"href":"add-users.html#check","keywords":[],"number":3,"title":"Controleer stap 2"}],"summary":"Give a user the right to ship on your account.","summaryLang":"en","title":"Gebruikers toevoegen"},
{"href":"log-in.html","keywords":[],"steps":[{"href":"log-in.html#open","keywords":[],"number":1,"title":"Open het portaal"}],"summary":"","title":"Inloggen"}
]};
