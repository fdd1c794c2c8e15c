document.body.append(document.createElement('div'));
